package dev.qrtl.compare;

import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.ParetoPoint;
import dev.qrtl.results.ParetoResult;
import dev.qrtl.accuracy.AccuracyConfig;
import dev.qrtl.accuracy.AccuracyResult;
import dev.qrtl.accuracy.AccuracyStudy;
import dev.qrtl.results.ErrorRow;
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
 * Error against cost for every scheme and along one parameter axis ({@link ParetoAxis}; by
 * default the dyadic multiplier's width m = 1..31 at 32 -> 8 bits): area and energy from
 * synthesis for the default forms and the axis's synthesized values, from a model fitted to those
 * for the other values (marked as such); error from the golden models ({@link AccuracyStudy}:
 * octave mean and worst, calibrated scale).
 */
public final class ParetoStudy {
  /** The knee's margin: within 2 % of tflite-double's RMS. */
  static final double KNEE_MARGIN = 1.02;

  private ParetoStudy() {}

  /** The forms the comparison synthesizes: the default ones and the axis's synthesized values. */
  public static List<Schemes.Form> synthesizedForms(ParetoAxis axis) {
    Map<String, Schemes.Form> forms = new LinkedHashMap<>();
    for (Schemes.Form f : Schemes.defaultForms()) {
      forms.put(f.label(), f);
    }
    for (int v : axis.synthesized()) {
      forms.putIfAbsent(axis.label(v), Schemes.form(axis.label(v)));
    }
    return List.copyOf(forms.values());
  }

  /**
   * The study from a comparison of {@link #synthesizedForms} at 32 -> 8 and any further
   * synthesized rows ({@code extra}: the knee's own width, so that its ratios are measured, not
   * modelled); the fast model is fitted on {@link #SYNTHESIZED} alone either way.
   */
  public static ParetoResult build(ParetoAxis axis, CompareResult synth, List<CompareRow> extra, AccuracyConfig accuracyBase) {
    Map<String, CompareRow> cost = new HashMap<>();
    List<CompareRow> all = new ArrayList<>(synth.rows());
    all.addAll(extra);
    for (CompareRow r : all) {
      if (r.accBits() == axis.accBits() && r.outBits() == axis.outBits()) {
        cost.put(r.scheme(), r);
      }
    }
    FastModel.SchemeFit fitted = fit(axis, synth.rows(), synth.library());
    List<Schemes.Form> forms = new ArrayList<>(Schemes.defaultForms());
    for (int v = axis.from(); v <= axis.to(); v++) {
      String label = axis.label(v);
      if (forms.stream().noneMatch(f -> f.label().equals(label))) {
        forms.add(Schemes.form(label));
      }
    }
    AccuracyConfig c = new AccuracyConfig(forms, axis.accBits(), axis.outBits(), accuracyBase.stimulus(), accuracyBase.seed(), accuracyBase.samples(), KRule.NEAREST,
        0, new ScaleChoice.Calibrated(), accuracyBase.octavePoints());
    AccuracyResult acc = AccuracyStudy.run(c);
    List<ParetoPoint> points = new ArrayList<>();
    for (Schemes.Form f : forms) {
      ErrorRow mean = view(acc, f.label(), "octave mean");
      ErrorRow worst = view(acc, f.label(), "octave worst");
      Integer m = f.form().family().equals(axis.family()) ? f.form().variables().get(axis.variable()) : null;
      CompareRow r = cost.get(f.label());
      double area;
      double energy;
      String source;
      if (r != null) {
        area = r.areaUm2();
        energy = r.energyPj();
        source = "synthesis";
      } else if (m != null) {
        Map<String, Integer> vars = Map.of(axis.variable(), m);
        area = fitted.area().predict(fitted.terms(), axis.accBits(), axis.outBits(), vars);
        energy = fitted.energy().predict(fitted.terms(), axis.accBits(), axis.outBits(), vars);
        source = "fast model";
      } else {
        throw new IllegalStateException("the comparison priced no " + f.label() + " unit at " + axis.accBits() + " -> " + axis.outBits());
      }
      points.add(new ParetoPoint(f.label(), m, source, area, energy, mean.metrics().rms(), mean.metrics().rmsCi(), worst.metrics().rms(),
          false, false));
    }
    points = fronts(points);
    ParetoPoint baseline = points.stream().filter(p -> p.form().equals(Schemes.BASELINE)).findFirst().orElseThrow();
    ParetoPoint knee = points.stream().filter(p -> p.m() != null && p.rms() <= KNEE_MARGIN * baseline.rms()).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + axis.family() + " form reaches " + Schemes.BASELINE + "'s error"));
    String fit = String.format(Locale.ROOT, "%s area and energy = a + b * %d%s, least squares on the synthesized widths %s; "
        + "largest leave-one-out error: area %.1f %%, energy %.1f %%", axis.family(), axis.accBits(), axis.variable(), axis.synthesized(),
        100 * fitted.area().maxLeaveOneOutError(), 100 * fitted.energy().maxLeaveOneOutError());
    return new ParetoResult(synth.qrtl(), synth.library(), synth.yosys(), synth.stimulus(), synth.seed(), synth.operations(), c.samples(),
        c.octavePoints(), fit, baseline.rms(), new ParetoResult.Knee(knee.m(), knee.rms(), knee.cost(), baseline.areaUm2() / knee.areaUm2(),
            baseline.energyPj() / knee.energyPj()), points);
  }

  /** The model of the axis's cost in its variable, fitted to the synthesized values. */
  private static FastModel.SchemeFit fit(ParetoAxis axis, List<CompareRow> rows, String library) {
    List<FastModelFit.Point> pts = new ArrayList<>();
    for (int v : axis.synthesized()) {
      String label = axis.label(v);
      CompareRow r = rows.stream().filter(x -> x.scheme().equals(label) && x.accBits() == axis.accBits() && x.outBits() == axis.outBits())
          .findFirst().orElse(null);
      if (r == null) {
        throw new IllegalStateException("the comparison priced no " + label + " unit at " + axis.accBits() + " -> " + axis.outBits());
      }
      pts.add(new FastModelFit.Point(axis.family(), axis.terms(), axis.accBits(), axis.outBits(), Map.of(axis.variable(), v), r.areaUm2(),
          r.energyPj()));
    }
    FastModel.SchemeFit fit = FastModelFit.fit(pts, library, "pareto").schemes().get(axis.family());
    if (fit == null) {
      throw new IllegalStateException("the synthesized " + axis.family() + " widths do not determine a fit");
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
