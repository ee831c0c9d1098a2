package dev.qrtl.scheme;

import dev.qrtl.core.Module;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.Stimulus;
import java.util.List;
import java.util.Optional;

/**
 * Everything qrtl knows about one requantization scheme. Implementations are registered in
 * {@link Schemes#all()}; adding a scheme is a spec record, a generator, a golden model, one class
 * implementing this interface, and one line there.
 *
 * @param <S> the scheme's spec record
 */
public interface Scheme<S extends QuantizerSpec> {
  /** The command-line and manifest name ({@code shift-round}, {@code dyadic}, ...). */
  String name();

  /** Other names the command line accepts for {@code --scheme}. */
  default List<String> aliases() {
    return List.of();
  }

  /** The spec record this scheme builds (several schemes may share one, told apart by {@link QuantizerSpec#scheme()}). */
  Class<S> specType();

  /** What the scheme computes, in one line (help text and the docs table). */
  default String summary() {
    return name();
  }

  /** The command-line options it reads, common ones included; a command refuses every other. */
  default List<SchemeOption> options() {
    return SchemeOption.COMMON;
  }

  /** The validated spec from the command line: contradictory or incomplete options are an {@link IllegalArgumentException}. */
  default S fromOptions(SpecBase base, OptionValues values) {
    return runtimeUnit(base);
  }

  /** The hardware (a pure function of the spec). */
  Module generate(S spec);

  /** The golden model bound to the spec, with the meaning and the test values of its run-time inputs. */
  RequantizerModel model(S spec);

  /**
   * The configurable unit: every scale parameter (shift, multiplier, zero point, thresholds) a
   * run-time input, so one unit serves every layer and channel; the default rounding.
   */
  S runtimeUnit(SpecBase base);

  /** Why the scheme cannot be built at these widths (in a sweep), or empty. */
  default Optional<String> unsupported(int accBits, int outBits) {
    return Optional.empty();
  }

  /**
   * The accumulator width this scheme's unit takes for a layer whose accumulators need {@code
   * neededBits}: the width its definition fixes, where it fixes one (TFLite and gemmlowp requantize
   * int32 accumulators), else the layer's own. A network bill prices every layer at this width.
   */
  default int unitAccBits(int neededBits) {
    return neededBits;
  }

  /** The forms a comparison sweeps by default ("all schemes"), in table order. */
  List<CompareForm> compareForms();

  /** A form named on the command line ({@code shift-round-const}, {@code dyadic:m=8}), if it is one of this scheme's. */
  default Optional<CompareForm> parseForm(String label) {
    return compareForms().stream().filter(f -> f.label().equals(label)).findFirst();
  }

  /**
   * The unit a comparison prices for a form at these widths: signed saturating output, run-time
   * scale parameters unless the form says otherwise, constants fitted to {@code stimulus}.
   */
  default S forComparison(CompareForm form, int accBits, int outBits, Stimulus stimulus, int pipeline) {
    return runtimeUnit(new SpecBase(accBits, new dev.qrtl.spec.OutputSpec(outBits, true, false, true), false, pipeline));
  }

  /**
   * The fast model's cost terms for a form, products of {@code 1}, {@code A} (accumulator bits),
   * {@code B} (output bits), {@code log2(A)}, {@code 2^B-1} and the form's own variables (see
   * {@code energy.CostTerms}).
   */
  default List<String> costTerms(CompareForm form) {
    return List.of("1", "A", "B");
  }

  /**
   * The residual add in this scheme's arithmetic for a form at {@code bits} (signed inputs and
   * output): what a network bill prices a residual add with. Empty when the scheme has no add of
   * its own (thresholds; TFLite's single-rounding variant, whose kernel qrtl does not build).
   */
  default Optional<dev.qrtl.spec.ResidualAddSpec> residualAdd(CompareForm form, int bits) {
    return Optional.empty();
  }

  /** A rough size of the unit, to schedule the big ones first. */
  default double relativeSize(CompareForm form, int accBits, int outBits) {
    return accBits;
  }

  /**
   * The golden model with its parameters chosen from a real scale by this scheme's documented
   * rule (per tensor; a per-channel list is one call per channel): what {@code qrtl error} prices
   * in accuracy. A scale the scheme cannot represent (a left shift, a multiplier that overflows)
   * is an {@link IllegalArgumentException} naming the scale.
   */
  default RealScaleUnit atRealScale(CompareForm form, RealScale s) {
    throw new IllegalArgumentException(name() + " has no rule for choosing its parameters from a real scale");
  }

  /**
   * The straightforward full-width form that {@link #generate}'s lean datapath replaced, named
   * {@code <module>_plain}; {@code qrtl prove} shows the two equivalent. Empty for a scheme whose
   * generator has one form.
   */
  default Optional<Module> generatePlain(S spec) {
    return Optional.empty();
  }

  /** {@link #generatePlain} for a spec known only by its interface. */
  default Optional<Module> generatePlainAny(QuantizerSpec spec) {
    return generatePlain(specType().cast(spec));
  }

  /** {@link #generate} for a spec known only by its interface. */
  default Module generateAny(QuantizerSpec spec) {
    return generate(specType().cast(spec));
  }

  /** {@link #model} for a spec known only by its interface. */
  default RequantizerModel modelAny(QuantizerSpec spec) {
    return model(specType().cast(spec));
  }
}
