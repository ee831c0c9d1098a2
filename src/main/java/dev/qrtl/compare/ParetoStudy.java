package dev.qrtl.compare;

import dev.qrtl.accuracy.AccuracyConfig;
import dev.qrtl.accuracy.AccuracyResult;
import dev.qrtl.accuracy.AccuracyStudy;
import dev.qrtl.accuracy.ErrorRow;
import dev.qrtl.accuracy.ScaleChoice;
import dev.qrtl.energy.FastModel;
import dev.qrtl.energy.FastModelFit;
import dev.qrtl.scheme.KRule;
import dev.qrtl.scheme.Schemes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Error against cost for every scheme and for dyadic multipliers m = 1..31, at 32 -> 8 bits:
 * area and energy from synthesis for the default forms and for m in {@link #SYNTHESIZED}, from a
 * fast model fitted to those dyadic units for the other m (marked as such); error from the golden
 * models ({@link AccuracyStudy}: octave mean and worst, calibrated scale).
 */
public final class ParetoStudy {
  /** The dyadic widths priced by synthesis; the others come from the fitted model. */
  public static final List<Integer> SYNTHESIZED = List.of(2, 4, 6, 8, 12, 16, 24, 31);

  /** The knee's margin: within 2 % of tflite-double's RMS. */
  static final double KNEE_MARGIN = 1.02;

  private static final List<String> DYADIC_TERMS = List.of("1", "A*m"); // one width: the cost grows with the multiplier's m

  private ParetoStudy() {}

  /** The forms the comparison synthesizes: the default ones and the synthesized dyadic widths. */
  public static List<Schemes.Form> synthesizedForms() {
    Map<String, Schemes.Form> forms = new LinkedHashMap<>();
    for (Schemes.Form f : Schemes.defaultForms()) {
      forms.put(f.label(), f);
    }
    for (int m : SYNTHESIZED) {
      forms.putIfAbsent("dyadic:m=" + m, Schemes.form("dyadic:m=" + m));
    }
    return List.copyOf(forms.values());
  }

  /**
   * The study from a comparison of {@link #synthesizedForms} at 32 -> 8 and any further
   * synthesized rows ({@code extra}: the knee's own width, so that its ratios are measured, not
   * modelled); the fast model is fitted on {@link #SYNTHESIZED} alone either way.
   */
  public static ParetoResult build(CompareResult synth, List<CompareRow> extra, AccuracyConfig accuracyBase) {
    Map<String, CompareRow> cost = new HashMap<>();
    List<CompareRow> all = new ArrayList<>(synth.rows());
    all.addAll(extra);
    for (CompareRow r : all) {
      if (r.accBits() == 32 && r.outBits() == 8) {
        cost.put(r.scheme(), r);
      }
    }
    FastModel.SchemeFit dyadic = dyadicFit(synth.rows(), synth.library());
    List<Schemes.Form> forms = new ArrayList<>(Schemes.defaultForms());
    for (int m = 1; m <= 31; m++) {
      String label = "dyadic:m=" + m;
      if (forms.stream().noneMatch(f -> f.label().equals(label))) {
        forms.add(Schemes.form(label));
      }
    }
    AccuracyConfig c = new AccuracyConfig(forms, 32, 8, accuracyBase.stimulus(), accuracyBase.seed(), accuracyBase.samples(), KRule.NEAREST,
        0, new ScaleChoice.Calibrated(), accuracyBase.octavePoints());
    AccuracyResult acc = AccuracyStudy.run(c);
    List<ParetoPoint> points = new ArrayList<>();
    for (Schemes.Form f : forms) {
      ErrorRow mean = view(acc, f.label(), "octave mean");
      ErrorRow worst = view(acc, f.label(), "octave worst");
      Integer m = f.form().variables().get("m");
      CompareRow r = cost.get(f.label());
      double area;
      double energy;
      String source;
      if (r != null) {
        area = r.areaUm2();
        energy = r.energyPj();
        source = "synthesis";
      } else if (m != null) {
        Map<String, Integer> vars = Map.of("m", m);
        area = dyadic.area().predict(dyadic.terms(), 32, 8, vars);
        energy = dyadic.energy().predict(dyadic.terms(), 32, 8, vars);
        source = "fast model";
      } else {
        throw new IllegalStateException("the comparison priced no " + f.label() + " unit at 32 -> 8");
      }
      points.add(new ParetoPoint(f.label(), m, source, area, energy, mean.metrics().rms(), mean.metrics().rmsCi(), worst.metrics().rms(),
          false, false));
    }
    points = fronts(points);
    ParetoPoint baseline = points.stream().filter(p -> p.form().equals(Schemes.BASELINE)).findFirst().orElseThrow();
    ParetoPoint knee = points.stream().filter(p -> p.m() != null && p.rms() <= KNEE_MARGIN * baseline.rms()).findFirst()
        .orElseThrow(() -> new IllegalStateException("no dyadic width reaches tflite-double's error"));
    String fit = String.format(Locale.ROOT, "dyadic area and energy = a + b * 32m, least squares on the synthesized widths %s; "
        + "largest leave-one-out error: area %.1f %%, energy %.1f %%", SYNTHESIZED, 100 * dyadic.area().maxLeaveOneOutError(),
        100 * dyadic.energy().maxLeaveOneOutError());
    return new ParetoResult(synth.qrtl(), synth.library(), synth.yosys(), synth.stimulus(), synth.seed(), synth.operations(), c.samples(),
        c.octavePoints(), fit, baseline.rms(), new ParetoResult.Knee(knee.m(), knee.rms(), knee.cost(), baseline.areaUm2() / knee.areaUm2(),
            baseline.energyPj() / knee.energyPj()), points);
  }

  private static FastModel.SchemeFit dyadicFit(List<CompareRow> rows, String library) {
    List<FastModelFit.Point> pts = new ArrayList<>();
    for (int m : SYNTHESIZED) {
      String label = "dyadic:m=" + m;
      CompareRow r = rows.stream().filter(x -> x.scheme().equals(label) && x.accBits() == 32 && x.outBits() == 8).findFirst().orElse(null);
      if (r == null) {
        throw new IllegalStateException("the comparison priced no dyadic:m=" + m + " unit at 32 -> 8");
      }
      pts.add(new FastModelFit.Point("dyadic", DYADIC_TERMS, 32, 8, Map.of("m", m), r.areaUm2(), r.energyPj()));
    }
    FastModel.SchemeFit fit = FastModelFit.fit(pts, library, "pareto").schemes().get("dyadic");
    if (fit == null) {
      throw new IllegalStateException("the synthesized dyadic widths do not determine a fit");
    }
    return fit;
  }

  private static ErrorRow view(AccuracyResult r, String form, String view) {
    return r.rows().stream().filter(x -> x.form().equals(form) && x.view().equals(view)).findFirst().orElseThrow();
  }

  /**
   * Marks the points no other point beats in both error and energy (and in both error and area).
   * Errors are estimates: q beats p when q costs no more and its error lies within p's 95 %
   * interval or below it (and q is cheaper or its error lower), so a costlier unit is not on the
   * front for an error difference that is only noise.
   */
  static List<ParetoPoint> fronts(List<ParetoPoint> points) {
    List<ParetoPoint> out = new ArrayList<>();
    for (ParetoPoint p : points) {
      boolean energy = true;
      boolean area = true;
      for (ParetoPoint q : points) {
        if (q == p) {
          continue;
        }
        energy &= !dominates(q.energyPj(), q.rms(), p.energyPj(), p.rms(), p.rmsCi().high());
        area &= !dominates(q.areaUm2(), q.rms(), p.areaUm2(), p.rms(), p.rmsCi().high());
      }
      out.add(p.withFronts(energy, area));
    }
    return out;
  }

  private static boolean dominates(double costA, double errA, double costB, double errB, double errBHigh) {
    return costA <= costB && errA <= errBHigh && (costA < costB || errA < errB);
  }
}
