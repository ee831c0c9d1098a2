package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A study as {@code qrtl error --json} writes it: what was measured, with what, and the rows. */
@JsonPropertyOrder({"qrtl", "accBits", "outBits", "stimulus", "seed", "samples", "kRule", "zeroPoint", "calibratedScale", "octavePoints",
    "scales", "rows"})
public record AccuracyReport(String qrtl, int accBits, int outBits, String stimulus, long seed, int samples, String kRule, long zeroPoint,
    double calibratedScale, int octavePoints, String scales, List<ErrorRow> rows) {}
