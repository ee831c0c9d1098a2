package dev.qrtl.cli;

import dev.qrtl.core.Module;
import dev.qrtl.gen.mac.ConventionalGenerator;
import dev.qrtl.spec.ConventionalSpec;
import dev.qrtl.gen.mac.MacArrayGenerator;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.gen.mac.UnifiedGenerator;
import dev.qrtl.spec.UnifiedSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qrtl generate mac-array ...}: an array, a unified module or the conventional pipeline. */
@Command(name = "mac-array", description = "Generate a MAC array; with --epilogue, the unified module; with --conventional too, the non-fused pipeline.")
public final class GenerateMacArrayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MacArrayOptions array;

  @Mixin QuantizerOptions epilogue;

  @Option(names = "--conventional", description = "Build the conventional pipeline (conv requantizer, batch norm, second requantizer, ReLU) instead of the unified module.")
  boolean conventional;

  @Option(names = "--bn-mul-bits", defaultValue = "8", description = "Conventional: batch-norm multiplier width (default: ${DEFAULT-VALUE}).")
  int bnMulBits;

  @Option(names = "--bn-add-bits", defaultValue = "16", description = "Conventional: batch-norm addend width (default: ${DEFAULT-VALUE}).")
  int bnAddBits;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    Built b = build(array, epilogue, conventional, bnMulBits, bnAddBits);
    Path manifest = DesignWriter.write(b.module(), b.kind(), out);
    spec.commandLine().getOut().println("wrote " + manifest + " (" + b.module().name() + ", latency " + b.module().latency() + " cycles)");
    return 0;
  }

  /** A built design and its manifest kind. */
  record Built(Module module, String kind) {}

  static Built build(MacArrayOptions array, QuantizerOptions epilogue, boolean conventional, int bnMulBits, int bnAddBits) {
    MacArraySpec a = array.toSpec(epilogue.accBits);
    if (!epilogue.present()) {
      if (conventional) {
        throw new UserError("--conventional needs an --epilogue scheme for its requantizers");
      }
      return new Built(MacArrayGenerator.generate(a), "mac-array");
    } else if (conventional) {
      QuantizerSpec conv = epilogue.toSpec(a.accBits());
      QuantizerSpec bn = epilogue.toSpec(ConventionalSpec.bnValueBits(conv, bnMulBits, bnAddBits));
      return new Built(ConventionalGenerator.generate(new ConventionalSpec(a, conv, bnMulBits, bnAddBits, bn)), "conventional");
    }
    return new Built(UnifiedGenerator.generate(new UnifiedSpec(a, epilogue.toSpec(a.accBits()))), "unified");
  }

  /** The array's own options. */
  public static final class MacArrayOptions {
    @Option(names = "--rows", required = true, description = "Rows R, 1..64.")
    int rows;

    @Option(names = "--cols", required = true, description = "Columns C, 1..64.")
    int cols;

    @Option(names = "--a-bits", defaultValue = "8", description = "Activation width (default: ${DEFAULT-VALUE}).")
    int aBits;

    @Option(names = "--w-bits", defaultValue = "8", description = "Weight width (default: ${DEFAULT-VALUE}).")
    int wBits;

    @Option(names = "--a-unsigned", description = "Unsigned activations.")
    boolean aUnsigned;

    @Option(names = "--w-unsigned", description = "Unsigned weights.")
    boolean wUnsigned;

    @Option(names = "--k", required = true, description = "Dot-product length K the accumulator is sized for.")
    int k;

    @Option(names = "--form", defaultValue = "systolic", description = "systolic or broadcast (default: ${DEFAULT-VALUE}).")
    String form;

    @Option(names = "--lanes", defaultValue = "1", description = "Broadcast: products per PE per cycle (default: ${DEFAULT-VALUE}).")
    int lanes;

    @Option(names = "--no-skew", description = "Systolic: the caller skews the edge inputs.")
    boolean noSkew;

    @Option(names = "--product-register", description = "Broadcast: register the adder-tree sum (+1 cycle).")
    boolean productRegister;

    MacArraySpec toSpec(Integer accBits) {
      return new MacArraySpec(rows, cols, aBits, !aUnsigned, wBits, !wUnsigned, k,
          accBits == null ? OptionalInt.empty() : OptionalInt.of(accBits), MacForm.parse(form), lanes, !noSkew, productRegister);
    }
  }
}
