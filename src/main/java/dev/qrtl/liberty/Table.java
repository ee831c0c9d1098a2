package dev.qrtl.liberty;

/**
 * A Liberty lookup table in normalised units, with two axes: {@code slews} (index 1 after
 * normalisation: the input or constrained pin's transition time, ns) and {@code loads} (index 2:
 * the output load, pF, or for timing constraints the related pin's transition time, ns). A
 * one-dimensional table has a single point on its other axis. Lookups interpolate bilinearly
 * inside the characterised range and extrapolate linearly from the nearest segment outside it,
 * as OpenSTA does ({@link #outside} tells when a lookup left the range).
 */
public record Table(double[] slews, double[] loads, double[][] values) {
  /** A single-value table (scalar). */
  public static Table scalar(double v) {
    return new Table(new double[] {0}, new double[] {0}, new double[][] {{v}});
  }

  public double lookup(double slew, double load) {
    int i = segment(slews, slew);
    int j = segment(loads, load);
    int i1 = Math.min(i + 1, slews.length - 1);
    int j1 = Math.min(j + 1, loads.length - 1);
    double tx = i1 == i ? 0 : (slew - slews[i]) / (slews[i1] - slews[i]);
    double ty = j1 == j ? 0 : (load - loads[j]) / (loads[j1] - loads[j]);
    double v00 = values[i][j];
    double v01 = values[i][j1];
    double v10 = values[i1][j];
    double v11 = values[i1][j1];
    return v00 * (1 - tx) * (1 - ty) + v01 * (1 - tx) * ty + v10 * tx * (1 - ty) + v11 * tx * ty;
  }

  /** Whether a lookup at this point leaves the characterised range (and so is extrapolated). */
  public boolean outside(double slew, double load) {
    return slews.length > 1 && (slew > slews[slews.length - 1] * 1.0001 || slew < slews[0] * 0.9999)
        || loads.length > 1 && (load > loads[loads.length - 1] * 1.0001 || load < loads[0] * 0.9999);
  }

  /** The segment {@code [i, i+1]} used for {@code v}: the first or last one outside the axis. */
  private static int segment(double[] axis, double v) {
    int i = 0;
    while (i + 2 < axis.length && v > axis[i + 1]) {
      i++;
    }
    return i;
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
