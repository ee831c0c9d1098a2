package dev.qrtl.stimulus;

/** {@code uniform}: Values drawn uniformly over the whole range. */
public record UniformStimulus() implements Stimulus {
  @Override
  public ValueSampler sampler(int bits, long seed) {
    return new ValueSampler.Uniform(bits, seed);
  }

  @Override
  public String text() {
    return "uniform";
  }
}
