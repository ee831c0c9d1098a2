package dev.qrtl.liberty;

/**
 * A timing arc from {@code relatedPin} to an output pin: combinational, or {@code rising_edge}
 * (clock to Q). Delays and transitions in ns; tables may be null when the library omits them.
 */
public record TimingArc(String relatedPin, String outputPin, String type, String sense, Table cellRise, Table cellFall,
    Table riseTransition, Table fallTransition) {
  public boolean clockToQ() {
    return type.equals("rising_edge") || type.equals("falling_edge");
  }

  public boolean combinational() {
    return type.isEmpty() || type.equals("combinational") || type.equals("combinational_rise") || type.equals("combinational_fall");
  }

  /** The worse of rise and fall delay. */
  public double delayNs(double slewNs, double loadPf) {
    double r = cellRise == null ? 0 : cellRise.lookup(slewNs, loadPf);
    double f = cellFall == null ? 0 : cellFall.lookup(slewNs, loadPf);
    return Math.max(r, f);
  }

  /** The worse of rise and fall output transition. */
  public double transitionNs(double slewNs, double loadPf) {
    double r = riseTransition == null ? 0 : riseTransition.lookup(slewNs, loadPf);
    double f = fallTransition == null ? 0 : fallTransition.lookup(slewNs, loadPf);
    return Math.max(r, f);
  }

  /** Delay of a rising (true) or falling output edge. */
  public double delayNs(boolean riseOut, double slewNs, double loadPf) {
    Table t = riseOut ? cellRise : cellFall;
    return t == null ? delayNs(slewNs, loadPf) : t.lookup(slewNs, loadPf);
  }

  /** Transition of a rising (true) or falling output edge. */
  public double transitionNs(boolean riseOut, double slewNs, double loadPf) {
    Table t = riseOut ? riseTransition : fallTransition;
    return t == null ? transitionNs(slewNs, loadPf) : t.lookup(slewNs, loadPf);
  }

  /** The input edges (rise = true) that can cause the given output edge, by unateness. */
  public boolean[] causes(boolean riseOut) {
    if (sense.equals("positive_unate")) {
      return new boolean[] {riseOut};
    }
    if (sense.equals("negative_unate")) {
      return new boolean[] {!riseOut};
    }
    return new boolean[] {true, false};
  }

  /** Whether a delay lookup at this point leaves the characterised range (and is extrapolated). */
  public boolean outsideAt(double slewNs, double loadPf) {
    return cellRise != null && cellRise.outside(slewNs, loadPf) || cellFall != null && cellFall.outside(slewNs, loadPf);
  }

  public boolean setup() {
    return type.startsWith("setup");
  }
}
