package dev.qrtl.stimulus;

/** {@code auto}: Exhaustive when the input space fits the vector count, otherwise the reference's corner cases, then uniform random values. */
public record AutoStimulus() implements Stimulus {
  @Override
  public ValueSampler sampler(int bits, long seed) {
    return new ValueSampler.Uniform(bits, seed);
  }

  @Override
  public String text() {
    return "auto";
  }
}
