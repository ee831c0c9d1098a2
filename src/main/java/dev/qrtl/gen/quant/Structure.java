package dev.qrtl.gen.quant;

/**
 * How a generator builds its datapath. {@link #LEAN} is what qrtl ships and prices: windowed
 * saturation, one shifter per rounding shift, masks from {@code ~(ones << k)}. {@link #PLAIN} is
 * the straightforward full-width form it replaced, kept only so that {@code qrtl prove} can show
 * with a SAT solver that the two compute the same function for every input.
 */
public enum Structure {
  LEAN,
  PLAIN;

  /** The module name of this structure's form of a design. */
  public String moduleName(String name) {
    return this == LEAN ? name : name + "_plain";
  }
}
