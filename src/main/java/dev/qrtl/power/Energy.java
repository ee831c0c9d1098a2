package dev.qrtl.power;

/** Energy in pJ: combinational switching (with the unit's input pins), registers and clock, leakage. */
public record Energy(double combinationalPj, double sequentialPj, double leakagePj) {
  public static final Energy ZERO = new Energy(0, 0, 0);

  public double totalPj() {
    return combinationalPj + sequentialPj + leakagePj;
  }

  public Energy plus(Energy o) {
    return new Energy(combinationalPj + o.combinationalPj, sequentialPj + o.sequentialPj, leakagePj + o.leakagePj);
  }

  public Energy minus(Energy o) {
    return new Energy(combinationalPj - o.combinationalPj, sequentialPj - o.sequentialPj, leakagePj - o.leakagePj);
  }

  public Energy scaled(double f) {
    return new Energy(combinationalPj * f, sequentialPj * f, leakagePj * f);
  }
}
