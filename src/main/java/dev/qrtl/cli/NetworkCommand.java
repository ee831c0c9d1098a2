package dev.qrtl.cli;

import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.network.BillFolder;
import dev.qrtl.network.BillStudy;
import dev.qrtl.network.BillWriter;
import dev.qrtl.network.BuiltinNetworks;
import dev.qrtl.network.Network;
import dev.qrtl.results.NetworkBill;
import dev.qrtl.network.NetworkConfig;
import dev.qrtl.network.OnnxNetworks;
import dev.qrtl.onnx.OnnxImport;
import dev.qrtl.onnx.OnnxModel;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.util.OutputLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl network --model resnet18|resnet50|mobilenetv2|bert-base-layer|FILE.onnx}: the
 * network's requantization bill per layer and in total, per scheme, next to its MACs.
 */
@Command(name = "network", description = "The network's bill: requantization energy, area and parameters per layer and per inference"
    + " for each scheme, next to the MACs, from a built-in layer table or a quantized ONNX model.")
public final class NetworkCommand implements Callable<Integer> {
  /** The schemes a bill prices unless told: the paper's scheme, its baseline, and the 8-bit dyadic knee. */
  static final String DEFAULT_SCHEMES = "shift-round,tflite-double,dyadic:m=8";

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "NAME|FILE.onnx",
      description = "resnet18, resnet50, mobilenetv2, bert-base-layer, llama-layer, or a quantized ONNX model (QDQ, QOperator, QONNX or"
          + " blocked form).")
  String model;

  @Option(names = "--input-shape", paramLabel = "[NAME=]DIMS", description = "Shape of a graph input the model leaves dynamic, as 1x3x224x224"
      + " (NAME= for one of several inputs); repeatable.")
  List<String> inputShapes = List.of();

  @Option(names = "--skip-unknown", description = "ONNX models: leave out an operator qrtl does not import (and what reads its output,"
      + " unless the file declares that output's shape) instead of refusing the model; the bill lists every node left out.")
  boolean skipUnknown;

  @Option(names = "--seq-len", defaultValue = "128", description = "bert-base-layer: tokens per sequence (default: ${DEFAULT-VALUE});"
      + " llama-layer prefill: the prompt's tokens (default 2048).")
  int sequence;

  @Option(names = "--phase", defaultValue = "prefill", description = "llama-layer: prefill (the prompt's tokens at once) or decode (one token"
      + " against the KV cache) (default: ${DEFAULT-VALUE}).")
  String phase;

  @Option(names = "--kv-len", defaultValue = "2048", description = "llama-layer decode: positions in the KV cache, the token's own included"
      + " (default: ${DEFAULT-VALUE}).")
  int kvLength;

  @Option(names = "--weights", defaultValue = "w8", description = "llama-layer: the projections' weights, w8 (int8 per channel), w4g128"
      + " (4-bit, a binary16 scale per 128 along K) or mxfp4 (OCP MXFP4, block 32) (default: ${DEFAULT-VALUE}).")
  String weights;

  @Option(names = "--activations", defaultValue = "int8", description = "llama-layer: the activations, int8 (per tensor), mxint8 or mxfp8"
      + " (OCP MX, block 32, E4M3) (default: ${DEFAULT-VALUE}).")
  String activations;

  @Option(names = "--schemes", defaultValue = DEFAULT_SCHEMES, paramLabel = "S,S,...",
      description = "Schemes in their comparison forms (default: ${DEFAULT-VALUE}).")
  String schemes;

  @Option(names = "--a-bits", defaultValue = "8", description = "Activation width; outputs are requantized back to it (default: ${DEFAULT-VALUE}).")
  int aBits;

  @Option(names = "--w-bits", defaultValue = "8", description = "Weight width (default: ${DEFAULT-VALUE}).")
  int wBits;

  @Option(names = "--array", defaultValue = "16x16", paramLabel = "RxC",
      description = "The array whose requantizers and parameter registers are priced (default: ${DEFAULT-VALUE}).")
  String array;

  @Option(names = "--mac-array", paramLabel = "RxC",
      description = "Price each layer's MACs on an RxC systolic MAC array at its widths and K (per MAC: the run's energy over its MACs,"
          + " the array's operand registers and control included) instead of a single-lane PE.")
  String macArray;

  @Option(names = "--liberty", description = "A Liberty file (.lib or .lib.gz).")
  Path liberty;

  @Option(names = "--tech", defaultValue = "default", description = "default (embedded 45 nm), nangate45 or sky130hd (default: ${DEFAULT-VALUE}).")
  String tech;

  @Option(names = "--ops", defaultValue = "4000", description = "Operations simulated per unit for energy (default: ${DEFAULT-VALUE}).")
  long ops;

  @Option(names = "--seed", defaultValue = "1", description = "Stimulus seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--error-samples", defaultValue = "5000",
      description = "Accumulators per layer and scheme for the RMS error column, 0 for none (default: ${DEFAULT-VALUE}).")
  int errorSamples;

  @Option(names = "--out", defaultValue = "docs/results", description = "Results folder; files go to <out>/network-<name>-<library>/"
      + " (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--timeout", defaultValue = "1800", description = "Seconds before a Yosys run is stopped (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Mixin ProgressOptions progress;

  @Mixin TimingOptions timing;

  @Mixin ConventionOptions conventions;

  @Option(names = "--shard", paramLabel = "i/n", description = "Price only shard i of n of the bill's units into --shard-dir"
      + " (docs/cluster.md); --merge assembles the bill.")
  String shard;

  @Option(names = "--shard-dir", paramLabel = "DIR", description = "Where --shard writes its partial result (default: <out>/shards).")
  Path shardDir;

  @Option(names = "--merge", paramLabel = "DIR|FILE", split = ",", description = "Assemble the bill from these shards' partial results"
      + " (files or folders of them) instead of pricing; the other options must be the shards' own.")
  List<Path> merge;

  @Override
  public Integer call() {
    checkOptions(); // every option and output location, before the model is read
    NetworkConfig c = config(); // the model, and what depends on it, before any work
    long start = System.nanoTime();
    if (shard != null) {
      var s = dev.qrtl.compare.Shards.Spec.parse(shard);
      Path f = dev.qrtl.network.BillShards.runShard(c, s, shardDir != null ? shardDir : out.resolve("shards"));
      spec.commandLine().getOut().printf("shard %d/%d of the %s bill: wrote %s in %.1f s%n", s.index(), s.count(), c.network().name(), f,
          (System.nanoTime() - start) / 1e9);
      spec.commandLine().getOut().flush();
      return 0;
    }
    NetworkBill merged = merge == null ? null : dev.qrtl.network.BillShards.merge(c, dev.qrtl.compare.Shards.expand(merge));
    try (OutputLock lock = OutputLock.acquire(out)) {
      NetworkBill b = merged != null ? merged : BillStudy.run(c);
      Path dir = BillFolder.write(b, out);
      var pw = spec.commandLine().getOut();
      long macs = b.layers().stream().mapToLong(NetworkBill.LayerBill::macs).sum();
      pw.printf("%s: %d layers, %.3f G MACs per inference, on %s (%s)%n", b.network(), b.layers().size(), macs / 1e9, b.library(), b.yosys());
      pw.print(BillWriter.headline(b));
      ReportCommand.writeAfter(dir, out);
      pw.printf("wrote %s (network.md, .csv, .json, plots as PNG and SVG, report index.html) in %.1f s%n", dir, (System.nanoTime() - start) / 1e9);
      pw.flush();
    }
    return 0;
  }

  /**
   * Every option of {@code network} used or refused, in one place: an option that does not apply
   * to this kind of model or this mode is refused rather than ignored, and every output location is
   * checked before anything is read or written.
   */
  void checkOptions() {
    Checks.notTogether(spec, "--tech", "--liberty", liberty != null);
    if (timeout < 1) {
      throw new UserError("--timeout must be at least 1 second, not " + timeout);
    }
    String lower = model.toLowerCase(Locale.ROOT);
    boolean builtin = BuiltinNetworks.NAMES.contains(lower);
    boolean llama = lower.equals(LLAMA);
    if (Checks.given(spec, "--seq-len")) {
      if (!lower.equals("bert-base-layer") && !llama) {
        throw new UserError("--seq-len is for the built-in bert-base-layer and llama-layer; " + (builtin ? lower + " has no sequence"
            : "an ONNX model's sequence length is its input shape (--input-shape where the model leaves it symbolic)"));
      }
      Checks.range("--seq-len", sequence, 1, 1 << 16);
    }
    for (String o : new String[] {"--phase", "--kv-len", "--weights", "--activations"}) {
      if (Checks.given(spec, o) && !llama) {
        throw new UserError(o + " is for the built-in llama-layer" + (builtin ? ", not " + lower : "; an ONNX model's quantization is its"
            + " own"));
      }
    }
    if (llama) {
      llamaOptions();
    }
    if (builtin && skipUnknown) {
      throw new UserError("--skip-unknown is for ONNX models; " + lower + " is a built-in table, with nothing to skip");
    }
    if (builtin && !inputShapes.isEmpty()) {
      throw new UserError("--input-shape is for ONNX models; " + lower + " is a built-in table at 224 x 224 (bert-base-layer and llama-layer: --seq-len)");
    }
    if (shard != null && merge != null) {
      throw new UserError("--shard and --merge do not go together");
    }
    if (shardDir != null && shard == null) {
      throw new UserError("--shard-dir is where --shard writes its partial result; give --shard i/n" + (merge != null
          ? " (--merge reads the folders it names)" : ""));
    }
    if (shard != null) {
      dev.qrtl.compare.Shards.Spec.parse(shard);
      ShardOptions.checkShardFolder(shardDir != null ? shardDir : out.resolve("shards"), shardDir != null ? "--shard-dir" : "--out");
    } else {
      CompareCommand.checkOutputFolder(out);
    }
    if (merge != null) {
      for (Path m : merge) {
        if (!Files.exists(m)) {
          throw new UserError("--merge " + m + ": no such file or folder");
        }
      }
    }
    Checks.range("--ops", ops, 100, 100_000_000L);
  }

  NetworkConfig config() {
    int[] rc = parseArray(array);
    List<Schemes.Form> forms = Schemes.forms(Arrays.asList(schemes.split(",", -1)));
    var lib = TechLibraries.resolve(tech, liberty);
    EnergyOptions e = EnergyOptions.of(ops, seed, Stimulus.parse(EnergyOptions.DEFAULT_STIMULUS), OptionalDouble.empty(), 1024)
        .withConventions(conventions.conventions());
    int[] mac = macArray == null ? new int[] {0, 0} : macArray(macArray);
    return new NetworkConfig(network(), forms, aBits, wBits, rc[0], rc[1], lib, timing.conditions(lib.library()), e,
        Duration.ofSeconds(timeout), progress.enabled(), errorSamples, mac[0], mac[1]);
  }

  static final String LLAMA = "llama-layer";

  /** The llama-layer's options, each checked: a phase, weights or activations it does not know, a --seq-len in decode, a --kv-len in prefill. */
  dev.qrtl.network.LlamaLayer.Options llamaOptions() {
    dev.qrtl.network.LlamaLayer.Phase p = parseEnum("--phase", phase, dev.qrtl.network.LlamaLayer.Phase.values(),
        dev.qrtl.network.LlamaLayer.Phase::cliName);
    dev.qrtl.network.LlamaLayer.Weights w = parseEnum("--weights", weights, dev.qrtl.network.LlamaLayer.Weights.values(),
        dev.qrtl.network.LlamaLayer.Weights::cliName);
    dev.qrtl.network.LlamaLayer.Activations a = parseEnum("--activations", activations, dev.qrtl.network.LlamaLayer.Activations.values(),
        dev.qrtl.network.LlamaLayer.Activations::cliName);
    if (p == dev.qrtl.network.LlamaLayer.Phase.DECODE && Checks.given(spec, "--seq-len")) {
      throw new UserError("--seq-len is the prompt's length in prefill; decode is one token (its context is --kv-len)");
    }
    if (p == dev.qrtl.network.LlamaLayer.Phase.PREFILL && Checks.given(spec, "--kv-len")) {
      throw new UserError("--kv-len is the KV cache of decode; prefill attends over its own --seq-len tokens");
    }
    Checks.range("--kv-len", kvLength, 1, 1 << 20);
    int t = p == dev.qrtl.network.LlamaLayer.Phase.DECODE ? 1 : Checks.given(spec, "--seq-len") ? sequence : 2048;
    return new dev.qrtl.network.LlamaLayer.Options(p, t, p == dev.qrtl.network.LlamaLayer.Phase.DECODE ? kvLength : t, w, a);
  }

  private static <E> E parseEnum(String option, String value, E[] values, java.util.function.Function<E, String> name) {
    for (E e : values) {
      if (name.apply(e).equals(value)) {
        return e;
      }
    }
    throw new UserError(option + " " + dev.qrtl.util.Printable.of(value) + ": use one of " + String.join(", ", java.util.Arrays.stream(values)
        .map(name).toList()));
  }

  private Network network() {
    String lower = model.toLowerCase(Locale.ROOT);
    if (lower.equals(LLAMA)) {
      return dev.qrtl.network.LlamaLayer.build(llamaOptions());
    }
    if (BuiltinNetworks.NAMES.contains(lower)) {
      return BuiltinNetworks.named(lower, sequence);
    }
    if (!lower.endsWith(".onnx")) {
      throw new UserError("--model " + model + " is neither a built-in network (" + String.join(", ", BuiltinNetworks.NAMES)
          + ") nor an .onnx file");
    }
    Path file = Path.of(model);
    if (!Files.isRegularFile(file)) {
      throw new UserError("--model " + model + ": no such file");
    }
    OnnxModel m = OnnxImport.read(file, shapes(), Map.of(), skipUnknown);
    return OnnxNetworks.of(m);
  }

  private Map<String, long[]> shapes() {
    Map<String, long[]> m = new HashMap<>();
    for (String s : inputShapes) {
      int eq = s.indexOf('=');
      String name = eq < 0 ? "" : s.substring(0, eq);
      if (m.put(name, dims(eq < 0 ? s : s.substring(eq + 1))) != null) {
        throw new UserError("--input-shape gives " + (name.isEmpty() ? "the input" : "input '" + name + "'") + " twice");
      }
    }
    return m;
  }

  static long[] dims(String s) {
    String[] parts = s.split("x", -1);
    long[] d = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        d[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new UserError("--input-shape " + s + ": '" + parts[i] + "' is not a dimension (write 1x3x224x224)");
      }
      if (d[i] < 1 || d[i] > 1 << 24) {
        throw new UserError("--input-shape " + s + ": dimension " + d[i] + " is outside 1.." + (1 << 24));
      }
    }
    return d;
  }

  /** {@code --mac-array RxC}: rows and columns, each 1..64, or one line saying what is wrong. */
  public static int[] macArray(String s) {
    int[] rc = parseArray("--mac-array", s);
    int max = dev.qrtl.spec.MacArraySpec.MAX_DIM;
    if (rc[0] < 1 || rc[0] > max || rc[1] < 1 || rc[1] > max) {
      throw new UserError("--mac-array " + dev.qrtl.util.Printable.of(s) + " must have 1.." + max + " rows and columns");
    }
    return rc;
  }

  static int[] parseArray(String s) {
    return parseArray("--array", s);
  }

  static int[] parseArray(String option, String s) {
    String[] p = s.toLowerCase(Locale.ROOT).split("x", -1);
    try {
      if (p.length == 2) {
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new UserError(option + " " + dev.qrtl.util.Printable.of(s) + " is not RxC (write 16x16)");
  }
}
