package dev.qrtl.liberty;

/**
 * A Liberty NLDM table indexed by input slew (ns) and output load (pF), in normalised units.
 * Lookups interpolate bilinearly and clamp to the characterised range (see {@link #clamped}).
 */
public record Table(double[] slews, double[] loads, double[][] values) {
  /** A single-value table (scalar). */
  public static Table scalar(double v) {
    return new Table(new double[] {0}, new double[] {0}, new double[][] {{v}});
  }

  public double lookup(double slew, double load) {
    int i = segment(slews, slew);
    int j = segment(loads, load);
    double s = clamp(slew, slews);
    double l = clamp(load, loads);
    double x0 = slews[i];
    double x1 = slews[Math.min(i + 1, slews.length - 1)];
    double y0 = loads[j];
    double y1 = loads[Math.min(j + 1, loads.length - 1)];
    double tx = x1 == x0 ? 0 : (s - x0) / (x1 - x0);
    double ty = y1 == y0 ? 0 : (l - y0) / (y1 - y0);
    double v00 = values[i][j];
    double v01 = values[i][Math.min(j + 1, loads.length - 1)];
    double v10 = values[Math.min(i + 1, slews.length - 1)][j];
    double v11 = values[Math.min(i + 1, slews.length - 1)][Math.min(j + 1, loads.length - 1)];
    return v00 * (1 - tx) * (1 - ty) + v01 * (1 - tx) * ty + v10 * tx * (1 - ty) + v11 * tx * ty;
  }

  /** Whether a lookup at this point leaves the characterised range (and so was clamped). */
  public boolean clamped(double slew, double load) {
    return slew > slews[slews.length - 1] * 1.0001 || load > loads[loads.length - 1] * 1.0001;
  }

  private static int segment(double[] axis, double v) {
    int i = 0;
    while (i + 2 < axis.length && v > axis[i + 1]) {
      i++;
    }
    return i;
  }

  private static double clamp(double v, double[] axis) {
    return Math.max(axis[0], Math.min(axis[axis.length - 1], v));
  }

  /** Every value scaled by {@code f} (unit conversion). */
  public Table scaled(double slewFactor, double loadFactor, double valueFactor) {
    double[] s = slews.clone();
    double[] l = loads.clone();
    double[][] v = new double[values.length][];
    for (int i = 0; i < s.length; i++) {
      s[i] *= slewFactor;
    }
    for (int j = 0; j < l.length; j++) {
      l[j] *= loadFactor;
    }
    for (int i = 0; i < values.length; i++) {
      v[i] = values[i].clone();
      for (int j = 0; j < v[i].length; j++) {
        v[i][j] *= valueFactor;
      }
    }
    return new Table(s, l, v);
  }
}
