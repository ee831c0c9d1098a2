package dev.qrtl.stimulus;

/** {@code corners}: The reference's corner cases only (extremes, ties, saturation bounds; extreme operands for MAC arrays). */
public record CornersStimulus() implements Stimulus {
  @Override
  public ValueSampler sampler(int bits, long seed) {
    return new ValueSampler.Uniform(bits, seed);
  }

  @Override
  public String text() {
    return "corners";
  }
}
