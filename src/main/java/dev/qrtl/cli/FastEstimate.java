package dev.qrtl.cli;

import dev.qrtl.energy.FastModel;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code qrtl estimate --fast}: the fitted analytic model's prediction, with the error it admits to. */
final class FastEstimate {
  private FastEstimate() {}

  static int print(String scheme, Integer accBits, Integer outBits, Path model, boolean json, PrintWriter out) {
    if (scheme == null || accBits == null || outBits == null) {
      throw new UserError("--fast needs --scheme, --acc-bits and --out-bits");
    }
    FastModel m = model == null ? FastModel.embedded() : FastModel.read(model);
    FastModel.Prediction p = m.predict(scheme, accBits, outBits);
    FastModel.SchemeFit f = m.fit(dev.qrtl.scheme.Schemes.form(scheme).form());
    boolean inside = f.points().stream().mapToInt(c -> c[0]).min().orElse(0) <= accBits
        && accBits <= f.points().stream().mapToInt(c -> c[0]).max().orElse(0)
        && f.points().stream().mapToInt(c -> c[1]).min().orElse(0) <= outBits
        && outBits <= f.points().stream().mapToInt(c -> c[1]).max().orElse(0);
    String text = String.format("fast estimate of %s %d -> %d bits on %s (fitted model, no synthesis)%n", scheme, accBits, outBits, m.library())
        + String.format("  area     %10.2f um^2   may be off by %.0f %% (1.5x the fit's worst leave-one-out error, at least 5 %%)%n", p.areaUm2(),
            100 * p.areaMaxError())
        + String.format("  energy   %10.4f pJ/op  may be off by %.0f %%%n", p.energyPj(), 100 * p.energyMaxError())
        + String.format("  model    terms %s, fitted on %d configurations%s%n", f.terms(), f.points().size(),
            inside ? "" : "; these widths lie OUTSIDE the fitted range, so the error may be larger");
    Reports.print(p, text, json, out);
    return 0;
  }
}
