package dev.qrtl.cli;

import dev.qrtl.scheme.OptionValues;
import dev.qrtl.scheme.Scheme;
import dev.qrtl.scheme.SchemeOption;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.scheme.SpecBase;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The options that describe a requantizer, shared by every command that builds one. The common
 * ones are declared here; each scheme's own options come from the registry as data
 * ({@link Schemes#declaredOptions}) and are added to every command that mixes this in
 * ({@link #install}), so a new scheme needs no change here. A command refuses an option the
 * chosen scheme does not use, naming it.
 */
public final class QuantizerOptions implements OptionValues {
  @Option(names = {"--scheme", "--epilogue"}, description = "One of: ${COMPLETION-CANDIDATES}.", completionCandidates = Names.class)
  String scheme;

  @Option(names = "--acc-bits", description = "Signed accumulator width, 2..64 (tflite: ..32); for a MAC array, its explicit accumulator width.")
  Integer accBits;

  @Option(names = "--out-bits", description = "Output width, 2..16 (threshold: ..8).")
  Integer outBits;

  @Option(names = "--unsigned", description = "Unsigned output (default signed).")
  boolean unsigned;

  @Option(names = "--bias", description = "Add a run-time bias input before requantizing.")
  boolean bias;

  @Option(names = "--relu", description = "Fold ReLU into the lower clamp bound.")
  boolean relu;

  @Option(names = "--wrap", description = "Keep the low output bits instead of saturating.")
  boolean wrap;

  @Option(names = "--pipeline", defaultValue = "0", description = "Registered stages, 0..8 (default: ${DEFAULT-VALUE}).")
  int pipeline;

  /** The scheme-specific options' values, set by the options {@link #install} adds. */
  private final Map<String, Object> values = new LinkedHashMap<>();

  /** picocli completion candidates: the scheme names. */
  static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(Schemes.names());
    }
  }

  /** Adds every scheme's own options to each command in the tree that mixes these options in. */
  static void install(CommandLine root) {
    CommandSpec spec = root.getCommandSpec();
    for (CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof QuantizerOptions q) {
        for (Schemes.Declared d : Schemes.declaredOptions()) {
          spec.addOption(q.option(d));
        }
      }
    }
    root.getSubcommands().values().stream().distinct().forEach(QuantizerOptions::install);
  }

  private OptionSpec option(Schemes.Declared d) {
    OptionSpec.Builder b = OptionSpec.builder(d.name()).description(d.help()).hasInitialValue(false)
        .setter(new CommandLine.Model.ISetter() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> T set(T value) {
            return (T) values.put(d.name(), value);
          }
        });
    if (!d.label().isEmpty()) {
      b.paramLabel(d.label());
    }
    switch (d.kind()) {
      case FLAG -> b.type(boolean.class).arity("0");
      case INT -> b.type(Integer.class);
      case LONG -> b.type(Long.class);
      case FLOAT -> b.type(Float.class);
      case DOUBLE -> b.type(Double.class);
      case STRING -> b.type(String.class);
      case INT_LIST -> b.type(int[].class).splitRegex(",");
      case LONG_LIST -> b.type(long[].class).splitRegex(",");
      case DOUBLE_LIST -> b.type(double[].class).splitRegex(",");
      default -> throw new AssertionError(d.kind());
    }
    return b.build();
  }

  @Override
  public boolean given(String name) {
    Object v = value(name);
    return v != null && !Boolean.FALSE.equals(v);
  }

  @Override
  public Object value(String name) {
    return switch (name) {
      case "--bias" -> bias;
      case "--relu" -> relu;
      case "--wrap" -> wrap;
      case "--unsigned" -> unsigned;
      default -> values.get(name);
    };
  }

  /** Whether a requantizer was asked for at all (a MAC array without one is fine, if no scheme option is given either). */
  public boolean present() {
    if (scheme == null) {
      List<String> stray = givenOptions();
      if (!stray.isEmpty()) {
        throw new UserError(stray.get(0) + " describes a requantizer, but no --scheme (--epilogue) is given");
      }
    }
    return scheme != null;
  }

  /** Every scheme or common option given on the command line, sorted. */
  private List<String> givenOptions() {
    Map<String, Boolean> all = new TreeMap<>();
    values.keySet().forEach(n -> all.put(n, given(n)));
    SchemeOption.COMMON.forEach(o -> all.put(o.name(), given(o.name())));
    return all.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }

  /** The validated spec, or an exception whose message names the problem. */
  public QuantizerSpec toSpec() {
    if (scheme == null) {
      throw new UserError("--scheme is required: one of " + String.join(", ", Schemes.names()));
    }
    if (accBits == null) {
      throw new UserError("--acc-bits is required");
    }
    return toSpec(accBits);
  }

  /** The spec for an accumulator width fixed by the caller (a MAC array's). */
  public QuantizerSpec toSpec(int accBits) {
    if (outBits == null) {
      throw new UserError("--out-bits is required");
    }
    Scheme<?> s = Schemes.named(scheme);
    List<String> used = s.options().stream().map(SchemeOption::name).toList();
    for (String o : givenOptions()) {
      if (!used.contains(o)) {
        throw new UserError(o + " is not an option of " + s.name() + " (it takes " + String.join(", ", used) + ")");
      }
    }
    OutputSpec out = new OutputSpec(outBits, !unsigned, relu, !wrap);
    return s.fromOptions(new SpecBase(accBits, out, bias, pipeline), this);
  }

  @Override
  public String toString() {
    return scheme + " " + accBits + "->" + outBits;
  }
}
