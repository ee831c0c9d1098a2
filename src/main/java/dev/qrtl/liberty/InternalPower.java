package dev.qrtl.liberty;

/** Internal energy of an output transition caused by {@code relatedPin} (pJ per transition). */
public record InternalPower(String relatedPin, String outputPin, Table rise, Table fall) {
  /** The mean of rise and fall energy, pJ. */
  public double energyPj(double slewNs, double loadPf) {
    double r = rise == null ? 0 : rise.lookup(slewNs, loadPf);
    double f = fall == null ? 0 : fall.lookup(slewNs, loadPf);
    return rise != null && fall != null ? (r + f) / 2 : Math.max(r, f);
  }
}
