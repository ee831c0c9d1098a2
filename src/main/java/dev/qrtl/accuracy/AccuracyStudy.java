package dev.qrtl.accuracy;

import dev.qrtl.results.ErrorRow;
import dev.qrtl.golden.RealScaleModel;
import dev.qrtl.scheme.RealScale;
import dev.qrtl.scheme.RealScaleUnit;
import dev.qrtl.scheme.Schemes;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an {@link AccuracyConfig}: draws the accumulators once, then for every form measures the
 * views a researcher needs. Post-training, S is wherever calibration put it, so a power of two is
 * off by up to sqrt(2): the {@code at S} row and the octave sweep (mean: the samples of every
 * point pooled; worst: the point with the largest RMS) show it. Trained with power-of-two scales,
 * S is exactly 2^-k and shift-round's error is its rounding alone: the {@code trained 2^-k} row.
 */
public final class AccuracyStudy {
  private AccuracyStudy() {}

  public static AccuracyResult run(AccuracyConfig c) {
    Accumulators drawn = Accumulators.draw(c.stimulus(), c.accBits(), c.seed(), c.samples());
    long[] data = drawn.values();
    double calibrated = drawn.calibratedScale(c.out().max());
    List<ErrorRow> rows = new ArrayList<>();
    for (Schemes.Form f : c.forms()) {
      f.scheme().unsupported(c.accBits(), c.outBits()).ifPresent(why -> {
        throw new IllegalArgumentException(f.label() + " at " + c.accBits() + " -> " + c.outBits() + " bits: " + why);
      });
      if (c.scales() instanceof ScaleChoice.PerChannel p) {
        perChannel(c, f, p.scales(), data, rows);
      } else {
        double s = c.scales() instanceof ScaleChoice.Given g ? g.scale() : calibrated;
        perTensor(c, f, s, data, rows);
      }
    }
    return new AccuracyResult(c, calibrated, rows);
  }

  private static void perTensor(AccuracyConfig c, Schemes.Form f, double s, long[] data, List<ErrorRow> rows) {
    rows.add(row(c, f, "at S", s, data));
    rows.add(row(c, f, "trained 2^-k", nearestPowerOfTwo(s), data));
    double base = Math.scalb(1.0, Math.getExponent(s)); // the octave [2^floor(log2 S), 2^(floor+1))
    WorstOf octave = new WorstOf();
    for (int j = 0; j < c.octavePoints(); j++) {
      double sj = base * Math.pow(2, (double) j / c.octavePoints());
      RealScaleModel ideal = RealScaleModel.of(sj, c.zeroPoint(), c.out());
      RealScaleUnit unit = unit(c, f, ideal, data);
      octave.add(j, sj, unit.parameters(), ErrorEvaluation.measure(unit, ideal, data, 0, 1));
    }
    rows.add(new ErrorRow(f.label(), "octave mean", base, c.octavePoints() + " log-uniform scales in [" + base + ", " + 2 * base + ")",
        octave.pooled.metrics()));
    rows.add(new ErrorRow(f.label(), "octave worst", octave.worstScale, octave.worstParameters, octave.worst.metrics()));
  }

  private static void perChannel(AccuracyConfig c, Schemes.Form f, List<Double> scales, long[] data, List<ErrorRow> rows) {
    for (boolean trained : new boolean[] {false, true}) {
      WorstOf channels = new WorstOf();
      for (int ch = 0; ch < scales.size(); ch++) {
        double s = trained ? nearestPowerOfTwo(scales.get(ch)) : scales.get(ch);
        RealScaleModel ideal = RealScaleModel.of(s, c.zeroPoint(), c.out());
        RealScaleUnit unit = unit(c, f, ideal, data);
        channels.add(ch, scales.get(ch), unit.parameters(), ErrorEvaluation.measure(unit, ideal, data, ch, scales.size()));
      }
      String prefix = trained ? "trained 2^-k " : "";
      rows.add(new ErrorRow(f.label(), prefix + "per-channel", scales.get(0), scales.size() + " channels", channels.pooled.metrics()));
      rows.add(new ErrorRow(f.label(), prefix + "worst channel", channels.worstScale,
          "channel " + channels.worstIndex + ": " + channels.worstParameters, channels.worst.metrics()));
    }
  }

  private static ErrorRow row(AccuracyConfig c, Schemes.Form f, String view, double s, long[] data) {
    RealScaleModel ideal = RealScaleModel.of(s, c.zeroPoint(), c.out());
    RealScaleUnit unit = unit(c, f, ideal, data);
    return new ErrorRow(f.label(), view, s, unit.parameters(), ErrorEvaluation.measure(unit, ideal, data, 0, 1).metrics());
  }

  private static RealScaleUnit unit(AccuracyConfig c, Schemes.Form f, RealScaleModel ideal, long[] data) {
    return f.scheme().atRealScale(f.form(), new RealScale(c.accBits(), ideal, c.kRule(), data));
  }

  /** The power of two nearest S in the log domain (what power-of-two training would have converged to). */
  static double nearestPowerOfTwo(double s) {
    return Math.scalb(1.0, -dev.qrtl.golden.ShiftRoundModel.shiftForScale(s));
  }

  /** A study's result as {@code qrtl error} writes it. */
  public static dev.qrtl.results.AccuracyReport report(AccuracyResult r, String version) {
    AccuracyConfig c = r.config();
    return new dev.qrtl.results.AccuracyReport(version, c.accBits(), c.outBits(), c.stimulus().text(), c.seed(), c.samples(), c.kRule().text(),
        c.zeroPoint(), r.calibratedScale(), c.octavePoints(), c.scales().describe(), r.rows());
  }
}
