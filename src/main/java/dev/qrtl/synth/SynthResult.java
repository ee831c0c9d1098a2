package dev.qrtl.synth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * Area and timing of one design on one library, with everything needed to reproduce it.
 *
 * @param design top module
 * @param mode flat or hierarchical
 * @param library library name, corner, file SHA-256
 * @param yosys Yosys version
 * @param areaUm2 total cell area
 * @param nand2Equivalents area over the library's smallest two-input NAND
 * @param sequentialUm2 flip-flop area
 * @param combinationalUm2 the rest
 * @param cells total cell instances (hierarchy expanded)
 * @param areaByCellUm2 area by cell type (hierarchy expanded), largest first
 * @param countByCell instance count by cell type
 * @param criticalPathNs the worst path delay
 * @param fmaxMhz 1000 / critical path
 * @param path the critical path
 * @param extrapolatedLookups table lookups outside the characterised range (extrapolated linearly)
 * @param conditions the timing conditions (wire-load choice, input slew or driving cell, output load)
 * @param wireLoad the wire-load model those conditions chose, and why
 * @param netlistDir where the mapped netlist (netlist.json, netlist.v), Yosys's statistics and log are
 */
@JsonPropertyOrder({"design", "mode", "library", "corner", "librarySha256", "yosys", "areaUm2", "nand2Equivalents",
    "sequentialUm2", "combinationalUm2", "cells", "criticalPathNs", "fmaxMhz", "path", "extrapolatedLookups", "conditions", "wireLoad", "netlistDir", "areaByCellUm2", "countByCell"})
public record SynthResult(String design, String mode, String library, String corner, String librarySha256, String yosys,
    double areaUm2, double nand2Equivalents, double sequentialUm2, double combinationalUm2, long cells,
    Map<String, Double> areaByCellUm2, Map<String, Long> countByCell, double criticalPathNs, double fmaxMhz,
    TimingPath path, long extrapolatedLookups, TimingConditions conditions, String wireLoad, String netlistDir) {

  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("synthesis of %s (%s) on %s, corner %s, %s%n", design, mode, library, corner, yosys));
    sb.append(String.format("  area      %12.2f um^2  = %10.1f NAND2-eq  (sequential %.2f, combinational %.2f), %d cells%n",
        areaUm2, nand2Equivalents, sequentialUm2, combinationalUm2, cells));
    sb.append(String.format("  timing    %12.4f ns    -> Fmax %.1f MHz%n", criticalPathNs, fmaxMhz));
    sb.append(String.format("  path      %s -> %s through %d cells%s%n", path.start(), path.end(), path.cells().size(),
        path.cells().isEmpty() ? "" : ": " + String.join(" ", path.cells().subList(0, Math.min(12, path.cells().size())))
            + (path.cells().size() > 12 ? " ..." : "")));
    sb.append("  timed at  ").append(conditions.describe(wireLoad)).append('\n');
    sb.append("  netlist   ").append(netlistDir).append('\n');
    if (extrapolatedLookups > 0) {
      sb.append(String.format("  note      %d delay-table lookups outside the characterised range were extrapolated%n", extrapolatedLookups));
    }
    sb.append("  area by cell type:\n");
    areaByCellUm2.entrySet().stream().limit(12).forEach(e ->
        sb.append(String.format("    %-24s %6d x  %10.2f um^2%n", e.getKey(), countByCell.get(e.getKey()), e.getValue())));
    return sb.toString();
  }
}
