package dev.qrtl.cli;

import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.spec.ConventionalSpec;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.UnifiedSpec;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Option(names = "--source-locators", description = "Annotate each named wire and register with the generator's Java source line.")
  boolean sourceLocators;

  @Override
  public Integer call() {
    GeneratedDesign d = Designs.generate(build(array, epilogue, conventional, bnMulBits, bnAddBits));
    CompareCommand.checkOutputFolder(out);
    Path manifest = Designs.write(d, out, new dev.qrtl.verilog.EmitOptions(sourceLocators));
    spec.commandLine().getOut().println("wrote " + manifest + " (" + d.module().name() + ", latency " + d.module().latency() + " cycles)");
    return 0;
  }

  /** The spec the options describe: an array, a unified module or a conventional pipeline. */
  static DesignSpec build(MacArrayOptions array, QuantizerOptions epilogue, boolean conventional, int bnMulBits, int bnAddBits) {
    MacArraySpec a = array.toSpec(epilogue.accBits);
    if (!epilogue.present()) {
      if (conventional) {
        throw new UserError("--conventional needs an --epilogue scheme for its requantizers");
      }
      return a;
    } else if (conventional) {
      QuantizerSpec conv = epilogue.toSpec(a.accBits());
      QuantizerSpec bn = epilogue.toSpec(ConventionalSpec.bnValueBits(conv, bnMulBits, bnAddBits));
      return new ConventionalSpec(a, conv, bnMulBits, bnAddBits, bn);
    }
    return new UnifiedSpec(a, epilogue.toSpec(a.accBits()));
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
