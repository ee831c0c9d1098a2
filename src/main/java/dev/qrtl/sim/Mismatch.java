package dev.qrtl.sim;

/**
 * One record whose outputs differed: its index in the whole stream, and the record (check word,
 * inputs, expected outputs), the actual output words, and a note (such as X or Z bits seen by a
 * 4-state simulator) or an empty string.
 */
public record Mismatch(long index, long[] record, long[] actual, String note) {
  public Mismatch(long index, long[] record, long[] actual) {
    this(index, record, actual, "");
  }
}
