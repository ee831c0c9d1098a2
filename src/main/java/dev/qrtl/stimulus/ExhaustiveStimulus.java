package dev.qrtl.stimulus;

/** {@code exhaustive}: Every input combination (refused where the input space is too large to enumerate). */
public record ExhaustiveStimulus() implements Stimulus {
  @Override
  public ValueSampler sampler(int bits, long seed) {
    return new ValueSampler.Uniform(bits, seed);
  }

  @Override
  public String text() {
    return "exhaustive";
  }
}
