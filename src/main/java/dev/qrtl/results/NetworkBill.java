package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A network's requantization bill: per layer and in total, for each scheme, what one inference's
 * requantizations cost (unified: one per output; conventional: a second one after each batch
 * norm) beside its multiply-accumulates, the parameters each output channel keeps, the error of
 * the scheme at the layer's scale, the element-wise requantizations between layers (residual adds,
 * average pools, concatenations; null in a bill written before qrtl priced them), what the import
 * left out ({@code notes}), the tokens one inference processes where the bill is also per token
 * (an LLM layer), and the units priced to get there. Published constants
 * (memory access energies) are labelled as such, never as qrtl's measurement.
 */
@JsonPropertyOrder({"format", "qrtl", "network", "source", "input", "library", "corner", "librarySha256", "yosys", "java", "aBits", "wBits",
    "outBits", "array", "energyModel", "operations", "seed", "published", "totals", "layers", "elementwise", "units", "notes", "tokens"})
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "format", allowGetters = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkBill(String qrtl, String network, String source, String input, String library, String corner, String librarySha256,
    String yosys, String java, int aBits, int wBits, int outBits, String array, String energyModel, long operations, long seed,
    Published published, List<Total> totals, List<LayerBill> layers, @Nullable List<ElementwiseBill> elementwise, List<UnitPrice> units,
    @Nullable List<String> notes, @Nullable Integer tokens) {
  /** The file's kind and layout version ({@link dev.qrtl.util.ResultFormat}), first in the JSON. */
  @com.fasterxml.jackson.annotation.JsonProperty("format")
  public String format() {
    return dev.qrtl.util.ResultFormat.NETWORK.id();
  }


  /** The published figures the bill prints beside its own (Horowitz, ISSCC 2014, 45 nm). */
  @JsonPropertyOrder({"source", "sramPjPer64Bits", "dramPjPer64Bits"})
  public record Published(String source, double sramPjPer64Bits, double dramPjPer64Bits) {}

  /** One layer: its shape, accumulator width, counts, MAC energy, and each scheme's requantization cost. */
  @JsonPropertyOrder({"layer", "accBits", "macs", "requantizationsUnified", "requantizationsConventional", "macEnergyPj", "macUnit",
      "schemes"})
  public record LayerBill(Layer layer, int accBits, long macs, long requantizationsUnified, long requantizationsConventional,
      double macEnergyPj, String macUnit, List<SchemeCost> schemes) {}

  /**
   * One scheme on one layer (energies per inference, pJ).
   *
   * @param sharePercent unified requantization energy over MAC plus unified requantization energy
   * @param parameterBits run-time parameters and bias over the layer's output channels
   * @param rmsErrorLsb the golden model's RMS error in output LSB at the layer's scale(s) (null:
   *     not measured, or a scale the scheme cannot apply)
   */
  @JsonPropertyOrder({"scheme", "unit", "energyPerRequantizationPj", "unifiedPj", "conventionalPj", "sharePercent", "parameterBits",
      "rmsErrorLsb", "errorScale"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SchemeCost(String scheme, String unit, double energyPerRequantizationPj, double unifiedPj, double conventionalPj,
      double sharePercent, long parameterBits, @Nullable Double rmsErrorLsb, @Nullable String errorScale) {}

  /**
   * One element-wise operator: what it is, the width of the value its unit requantizes, how many
   * operations per inference, and each scheme's unit and energy (none for a lookup table).
   */
  @JsonPropertyOrder({"op", "valueBits", "operations", "schemes"})
  public record ElementwiseBill(Elementwise op, int valueBits, long operations, List<ElementwiseCost> schemes) {}

  /** One scheme's unit on one element-wise operator: energy per output value and per inference (pJ). */
  @JsonPropertyOrder({"scheme", "unit", "energyPerOperationPj", "totalPj"})
  public record ElementwiseCost(String scheme, String unit, double energyPerOperationPj, double totalPj) {}

  /**
   * One scheme over the whole network, per inference.
   *
   * @param requantizerAreaUm2 the array's requantizers: one per output as the unified module builds
   *     them, at the widest layer's accumulator
   * @param parameterRegisterAreaUm2 one output channel's parameters per array column held in
   *     flip-flops (the library's smallest D flip-flop)
   * @param parameterReadPj reading every layer's parameters once from SRAM (published per-bit energy)
   * @param unifiedPj the layers' requantizations in the unified module, and the element-wise ones
   * @param elementwisePj the element-wise requantizations alone (in both pipelines alike); null when
   *     the scheme has no unit for one of them (then left out of every total) or the bill predates them
   */
  @JsonPropertyOrder({"scheme", "macPj", "unifiedPj", "elementwisePj", "conventionalPj", "sharePercent", "savingPercent", "parameterBits",
      "requantizerAreaUm2", "macArrayAreaUm2", "parameterRegisterAreaUm2", "parameterReadPj", "dataMovementPj", "rmsErrorLsb"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Total(String scheme, double macPj, double unifiedPj, @Nullable Double elementwisePj, double conventionalPj,
      double sharePercent, double savingPercent,
      long parameterBits, double requantizerAreaUm2, double macArrayAreaUm2, double parameterRegisterAreaUm2, double parameterReadPj,
      double dataMovementPj, @Nullable Double rmsErrorLsb) {}
}
