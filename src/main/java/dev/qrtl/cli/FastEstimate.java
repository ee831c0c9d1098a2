package dev.qrtl.cli;

import dev.qrtl.energy.FastModel;
import dev.qrtl.scheme.Schemes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code qrtl estimate --fast}: the fitted analytic model's prediction, with the error it admits
 * to. It answers inside the widths it was fitted on, extrapolates (and says so) within a factor
 * of two beyond them where the scheme can be built, and refuses farther out, naming the domain.
 */
final class FastEstimate {
  private FastEstimate() {}

  static int print(String scheme, Integer accBits, Integer outBits, Path model, boolean json, PrintWriter out) {
    if (scheme == null || accBits == null || outBits == null) {
      throw new UserError("--fast needs --scheme, --acc-bits and --out-bits");
    }
    Schemes.Form form = Schemes.form(scheme);
    FastModel m = model == null ? FastModel.embedded() : FastModel.read(model);
    FastModel.SchemeFit f = m.fit(form.form());
    int[] a = range(f.points(), 0);
    int[] b = range(f.points(), 1);
    String domain = "acc-bits " + a[0] + ".." + a[1] + ", out-bits " + b[0] + ".." + b[1];
    if (accBits < Math.max(2, a[0] / 2) || accBits > a[1] * 2 || outBits < Math.max(2, b[0] / 2) || outBits > Math.min(accBits, b[1] * 2)) {
      throw new UserError("--fast: " + scheme + " at " + accBits + " -> " + outBits + " bits is outside the fast model's domain (" + domain
          + " fitted, extrapolated to within a factor of 2 and to out-bits <= acc-bits); synthesize it instead");
    }
    form.scheme().unsupported(accBits, outBits).ifPresent(why -> {
      throw new UserError("--fast: " + scheme + " at " + accBits + " -> " + outBits + ": " + why);
    });
    FastModel.Prediction p = m.predict(scheme, accBits, outBits);
    if (!(p.areaUm2() > 0) || !(p.energyPj() > 0)) {
      throw new UserError("--fast: the model gives no positive estimate for " + scheme + " at " + accBits + " -> " + outBits
          + " (fitted on " + domain + "); synthesize it instead");
    }
    boolean inside = a[0] <= accBits && accBits <= a[1] && b[0] <= outBits && outBits <= b[1];
    String text = String.format("fast estimate of %s %d -> %d bits on %s (fitted model, no synthesis)%n", scheme, accBits, outBits, m.library())
        + String.format("  area     %10.2f um^2   may be off by %.0f %% (1.5x the fit's worst leave-one-out error, at least 5 %%)%n", p.areaUm2(),
            100 * p.areaMaxError())
        + String.format("  energy   %10.4f pJ/op  may be off by %.0f %%%n", p.energyPj(), 100 * p.energyMaxError())
        + String.format("  model    terms %s, fitted on %d configurations (%s)%s%n", f.terms(), f.points().size(), domain,
            inside ? "" : "; these widths are EXTRAPOLATED beyond the fitted range, so the error may be larger");
    ReportPrinter.print(p, text, json, out);
    return 0;
  }

  private static int[] range(List<int[]> points, int i) {
    return new int[] {points.stream().mapToInt(c -> c[i]).min().orElse(0), points.stream().mapToInt(c -> c[i]).max().orElse(0)};
  }
}
