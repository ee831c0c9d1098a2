package dev.qrtl.accuracy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A study as {@code qrtl error --json} writes it: what was measured, with what, and the rows. */
@JsonPropertyOrder({"qrtl", "accBits", "outBits", "stimulus", "seed", "samples", "kRule", "zeroPoint", "calibratedScale", "octavePoints",
    "scales", "rows"})
public record AccuracyReport(String qrtl, int accBits, int outBits, String stimulus, long seed, int samples, String kRule, long zeroPoint,
    double calibratedScale, int octavePoints, String scales, List<ErrorRow> rows) {
  public static AccuracyReport of(AccuracyResult r, String version) {
    AccuracyConfig c = r.config();
    return new AccuracyReport(version, c.accBits(), c.outBits(), c.stimulus().text(), c.seed(), c.samples(), c.kRule().text(), c.zeroPoint(),
        r.calibratedScale(), c.octavePoints(), c.scales().describe(), r.rows());
  }
}
