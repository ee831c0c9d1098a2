package dev.qrtl.stimulus;

import java.nio.file.Path;

/**
 * A NumPy {@code .npy} file of integers: accumulators for a requantizer, or tiles of shape
 * (T, R + C, K) for a MAC array (rows A[i][:], then W[:][j]). Run-time parameters are fitted to
 * it as to any realistic data.
 */
public record NpyStimulus(Path file) implements Stimulus {
  public NpyStimulus {
    if (file == null) {
      throw new IllegalArgumentException("a .npy stimulus needs a file");
    }
  }

  /** The file's values and shape. */
  public NpyReader.NpyArray read() {
    return NpyReader.read(file);
  }

  @Override
  public ValueSampler sampler(int bits, long seed) {
    return new ValueSampler.Uniform(bits, seed);
  }

  @Override
  public boolean realistic() {
    return true;
  }

  @Override
  public String text() {
    return file.toString();
  }
}
