package dev.qrtl.sim;

/**
 * Produces co-simulation records in order (see {@link PortLayout}): each call fills the next
 * {@code n} records of the stream into {@code buf}.
 */
public interface RecordSource {
  void fill(long[] buf, int n);
}
