package dev.qrtl.report;

import java.util.Locale;

/** Number formats of the report, locale-independent so the page is the same on every machine. */
final class Fmt {
  private Fmt() {}

  static String fixed(Double v, int digits) {
    return v == null ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  /** A count with thousands separators ("1,605,632"). */
  static String count(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%,d", Math.round(v));
  }

  /** A picojoule figure in the unit that keeps it readable: pJ, nJ or uJ. */
  static String energy(Double pj) {
    if (pj == null) {
      return "-";
    }
    double a = Math.abs(pj);
    return a >= 1e6 ? fixed(pj / 1e6, 2) + " uJ" : a >= 1e3 ? fixed(pj / 1e3, 2) + " nJ" : fixed(pj, 3) + " pJ";
  }

  /** A signed percentage change ("+3.1 %", "-0.4 %"). */
  static String change(double percent) {
    return String.format(Locale.ROOT, "%+.1f %%", percent);
  }
}
