package dev.qrtl.results;

/**
 * What was checked of the unit a comparison row prices, beside its figures, so that a reader sees
 * that the numbers are a working unit's: its RTL co-simulated against the golden model, the mapped
 * netlist's outputs checked against the golden model during the energy run, and the lean datapath
 * proved equal to the straightforward full-width form where the scheme has two forms.
 *
 * @param rtlCosimVectors RTL values co-simulated against the golden model (corner cases first)
 * @param gateLevelChecks gate-level output values equal to the golden model
 * @param proof the equivalence proof's outcome, in words
 */
public record RowVerification(long rtlCosimVectors, long gateLevelChecks, String proof) {
  public static final String PROVED = "proved equal to the full-width form (Yosys SAT)";
  public static final String PROVED_BLOCK = "proved equal to the plain form: comparison tree, full-width rounding (Yosys SAT)";
  public static final String ONE_FORM = "one structure: nothing to prove";
  public static final String REGISTERED = "registered unit: proofs are of the combinational form";
}
