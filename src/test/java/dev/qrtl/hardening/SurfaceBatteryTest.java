package dev.qrtl.hardening;

import dev.qrtl.results.RowVerification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.cli.Main;
import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.NetworkRow;
import dev.qrtl.results.RowVerification;
import dev.qrtl.compare.ShardChecks;
import dev.qrtl.compare.ShardStore;
import dev.qrtl.compare.Shards;
import dev.qrtl.compare.SweepPoint;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.network.BillShards;
import dev.qrtl.results.UnitPrice;
import dev.qrtl.onnx.ModelBuilder;
import dev.qrtl.testing.NpyFiles;
import dev.qrtl.util.ResultFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input battery of the newer surfaces: {@code network} with ONNX models built here
 * (dimensions that overflow, static shapes an option would replace, inputs that do not exist),
 * {@code merge} and {@code network --merge} with shard files edited in their results, index and
 * count, {@code report} on results of the wrong kind, format or shape, {@code error} with a
 * {@code .npy} stimulus, spec files whose numbers need coercion, Slurm and shard options refused
 * before anything is written, and user Verilog that does not parse. Each row must end with its
 * exit code, a first stderr line {@code qrtl: ...} naming the problem, at most three lines, and
 * leave the files it could have written untouched (no new, changed or removed file).
 */
@Tag("tools")
class SurfaceBatteryTest {
  @TempDir static Path dir;

  /** One bad command line; {@code {OUT}} is the row's own empty output folder, {@code {D}} the fixtures, {@code watch} what must not change. */
  record Case(String name, int exit, String message, String watch, String... args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, int exit, String message, String... args) {
    return new Case(name, exit, message, "{OUT}", args);
  }

  static Case watching(String watch, String name, int exit, String message, String... args) {
    return new Case(name, exit, message, watch, args);
  }

  @BeforeAll
  static void fixtures() throws IOException {
    Files.writeString(dir.resolve("a-file"), "not a folder");
    models();
    compareShards();
    networkShards();
    reports();
    specs();
    npys();
    verilog();
  }

  // ---- ONNX models --------------------------------------------------------------------------

  private static ModelBuilder small(long... inputDims) {
    ModelBuilder b = new ModelBuilder(ModelBuilder.Form.QDQ);
    String x = b.input("x", inputDims);
    x = b.conv("stem", x, 3, 8, 3, 1, 1, 1, true);
    b.output(x);
    return b;
  }

  private static void models() throws IOException {
    small(1, 3, 16, 16).write(dir.resolve("static.onnx"));
    small(1, 3, -1, -1).write(dir.resolve("dynamic-hw.onnx"));
    ModelBuilder two = new ModelBuilder(ModelBuilder.Form.QDQ);
    two.output(two.conv("a", two.input("x", -1, 3, 16, 16), 3, 8, 3, 1, 1, 1, false));
    two.output(two.conv("b", two.input("y", -1, 3, 16, 16), 3, 8, 3, 1, 1, 1, false));
    two.write(dir.resolve("two-dynamic.onnx"));
    ModelBuilder twoStatic = new ModelBuilder(ModelBuilder.Form.QDQ);
    twoStatic.output(twoStatic.conv("a", twoStatic.input("x", 1, 3, 16, 16), 3, 8, 3, 1, 1, 1, false));
    twoStatic.output(twoStatic.conv("b", twoStatic.input("y", 1, 3, 16, 16), 3, 8, 3, 1, 1, 1, false));
    twoStatic.write(dir.resolve("two-static.onnx"));
    // K = 65536 x 256 x 256 = 2^32 terms: past a 32-bit K (once priced with K = 0)
    ModelBuilder wideK = new ModelBuilder(ModelBuilder.Form.QDQ);
    wideK.output(wideK.shapeOnlyConv("huge", wideK.input("x", 1, 65536, 256, 256), 65536, 4, 256, 0));
    wideK.write(dir.resolve("wide-k.onnx"));
    // 1024 x 32769 x 32769 outputs x K = 2^30: MACs past 2^63
    ModelBuilder manyMacs = new ModelBuilder(ModelBuilder.Form.QDQ);
    manyMacs.output(manyMacs.shapeOnlyConv("big", manyMacs.input("x", 1, 1 << 20, 32768, 32768), 1 << 20, 1024, 32, 16));
    manyMacs.write(dir.resolve("many-macs.onnx"));
    // a Flatten of 2^21 x 2^21 x 2^21 elements: past 2^63
    ModelBuilder flat = small(1, 3, 16, 16);
    String big = flat.input("z", 1, 1 << 21, 1 << 21, 1 << 21);
    flat.output(flat.add(flat.node("Flatten", "flat", big).addAttribute(ModelBuilder.integer("axis", 1))));
    flat.write(dir.resolve("flatten.onnx"));
    // a fully connected layer over 2^40 rows: past a 32-bit row count
    ModelBuilder rows = new ModelBuilder(ModelBuilder.Form.QDQ);
    rows.output(rows.fc("fc", rows.input("x", 1L << 40, 8), 8, 4));
    rows.write(dir.resolve("many-rows.onnx"));
    // a weight with a negative dimension
    ModelBuilder negative = small(1, 3, 16, 16);
    negative.initializer(dev.qrtl.onnx.proto.OnnxProto.TensorProto.newBuilder().setName("neg").setDataType(1).addDims(-4).build());
    negative.write(dir.resolve("negative-dim.onnx"));
    // an operator of a domain qrtl does not read, with and without a declared output shape
    ModelBuilder foreign = small(1, 3, 16, 16);
    foreign.output(foreign.add(foreign.node("Relu", "vendor", "stem_y_q").setDomain("com.example")));
    foreign.write(dir.resolve("foreign.onnx"));
    // ONNX Runtime's QGemm without its scale and zero-point inputs
    ModelBuilder qgemm = small(1, 3, 16, 16);
    String flatStem = qgemm.add(qgemm.node("Flatten", "flatten", "stem_y_q").addAttribute(ModelBuilder.integer("axis", 1)));
    qgemm.initializer(ModelBuilder.bytes("fc_w", 3, new long[] {8 * 16 * 16, 10}, 8 * 16 * 16 * 10));
    qgemm.output(qgemm.add(qgemm.node("QGemm", "fc", flatStem, "", "", "fc_w").setDomain("com.microsoft")));
    qgemm.write(dir.resolve("qgemm-no-scales.onnx"));
    // QONNX Quant nodes with bit widths 0 and 33, a width qrtl does not price, and a rounding mode QONNX does not have
    for (double bits : new double[] {0, 33, 24}) {
      dev.qrtl.onnx.QonnxBuilder q = new dev.qrtl.onnx.QonnxBuilder();
      String qx = q.quant(q.input("x", 1, 3, 8, 8), bits, false, false, 0.05f);
      q.output(q.quant(q.conv("c", qx, q.quant(q.weight("w", 4, 3, 3, 3), 4, true, false, 0.01f), 3), 8, true, false, 0.1f));
      q.write(dir.resolve("quant-bits-" + (int) bits + ".onnx"));
    }
    for (double out : new double[] {0, 1}) {
      dev.qrtl.onnx.QonnxBuilder t = new dev.qrtl.onnx.QonnxBuilder();
      String tx = t.quant(t.input("x", 1, 3, 8, 8), 4, false, false, 0.05f);
      String ty = t.quant(t.conv("c", tx, t.quant(t.weight("w", 4, 3, 3, 3), 4, true, false, 0.01f), 3), 8, true, false, 0.1f);
      t.output(t.trunc(ty, 8, out, 0.1f));
      t.write(dir.resolve("trunc-out-" + (int) out + ".onnx"));
    }
    dev.qrtl.onnx.QonnxBuilder noOut = new dev.qrtl.onnx.QonnxBuilder();
    String nx = noOut.quant(noOut.input("x", 1, 3, 8, 8), 4, false, false, 0.05f);
    noOut.output(noOut.conv("c", nx, noOut.quant(noOut.weight("w", 4, 3, 3, 3), 4, true, false, 0.01f), 3));
    noOut.write(dir.resolve("quant-no-output.onnx"));
    // blocked QDQ (opset 21 block_size): a block of 48 along a K of 256, and blocks along the output channels
    dev.qrtl.onnx.BlockedModels.matmul(dir.resolve("block-48.onnx"), 48, 0, false);
    dev.qrtl.onnx.BlockedModels.matmul(dir.resolve("block-outputs.onnx"), 32, 1, false);
    // QLinearConcat with an input triple cut short
    ModelBuilder concat = small(1, 3, 16, 16);
    concat.output(concat.add(concat.node("QLinearConcat", "cat", "stem_y_scale", "stem_y_zp", "stem_y_q", "stem_y_scale")
        .setDomain("com.microsoft").addAttribute(ModelBuilder.integer("axis", 1))));
    concat.write(dir.resolve("concat-short.onnx"));
  }

  // ---- shards -----------------------------------------------------------------------------

  private static final String SHA = "0123456789abcdef".repeat(4);

  private static Shards.Definition definition() {
    List<SweepPoint> points = List.of(new SweepPoint(0, "shift-round 16 -> 4", 2), new SweepPoint(1, "shift-round 16 -> 8", 1),
        new SweepPoint(2, "unified vs conventional", 3));
    return new Shards.Definition("0.1.0", "compare", List.of("shift-round"), List.of(16), List.of(4, 8), "qrtl_default45", SHA, "t",
        "p", "products:k=64", 1, 200, 1024, 20, true, 0, null, points);
  }

  static CompareResult header() {
    return new CompareResult("qrtl 0.1.0", "qrtl_default45", "typical", SHA, 1.1, "Yosys 0.23", "Icarus Verilog 11.0", "Java 17",
        "products:k=64", 1, 200, "m", "each unit at its own critical path", "t", "p", 0, "tflite-double", List.of(), List.of(), List.of());
  }

  static CompareRow row(int out, double area) {
    return new CompareRow("shift-round", 16, out, "requant_" + out, area, 12, 30, 0.5, 2000, 0.1, 0.01, 0.09, 0.001, null, null, null,
        new CompareRow.RowError(0.3, 0.4), new RowVerification(200, 200, "one structure: nothing to prove"));
  }

  static NetworkRow networkRow(double area) {
    return new NetworkRow("unified, shift-round", 1, area, 0.25, 0.01, 0.2, List.of(new NetworkRow.Stage("requantize", "u", area, 0.25,
        0.01, 0.2, "products:k=64")));
  }

  /** Both shards of the sweep; the second's text passes through {@code edit}, both shards' results through {@code results} (digest rewritten). */
  private static void shardFolder(String name, UnaryOperator<String> edit, UnaryOperator<List<ShardStore.Result<Shards.PointResult>>> results)
      throws IOException {
    Path d = Files.createDirectories(dir.resolve("shards").resolve(name));
    Shards.Definition def = definition();
    List<List<Integer>> parts = Shards.partition(def.points(), 2);
    for (int s = 1; s <= 2; s++) {
      List<ShardStore.Result<Shards.PointResult>> r = new ArrayList<>();
      for (int i : parts.get(s - 1)) {
        r.add(new ShardStore.Result<>(i, i == 2 ? new Shards.PointResult(null, networkRow(400)) : new Shards.PointResult(row(i == 0 ? 4 : 8,
            50 + i), null)));
      }
      r = results.apply(r);
      var p = new ShardStore.Partial<>(ResultFormat.SHARD.id(), "comparison", def.hash(), ShardChecks.digest(r), s, 2, def, header(), r);
      String text = ManifestIo.mapper().writeValueAsString(p);
      Files.writeString(d.resolve("shard-" + s + "-of-2.json"), s == 2 ? edit.apply(text) : text);
    }
  }

  private static void compareShards() throws IOException {
    shardFolder("good", t -> t, r -> r);
    shardFolder("edited-result", t -> t.replaceFirst("\"areaUm2\" : [0-9.]+", "\"areaUm2\" : 9.5"), r -> r);
    shardFolder("edited-index", t -> t.replaceFirst("\"shard\" : 2", "\"shard\" : 9"), r -> r);
    shardFolder("edited-count", t -> t.replaceFirst("\"shards\" : 2", "\"shards\" : 0"), r -> r);
    shardFolder("huge-count", t -> t.replaceFirst("\"shards\" : 2", "\"shards\" : 20000"), r -> r);
    shardFolder("float-index", t -> t.replaceFirst("\"shard\" : 2", "\"shard\" : 2.0"), r -> r);
    shardFolder("string-index", t -> t.replaceFirst("\"shard\" : 2", "\"shard\" : \"2\""), r -> r);
    shardFolder("duplicate-key", t -> t.replaceFirst("\"shard\" : 2", "\"shard\" : 2, \"shard\" : 2"), r -> r);
    shardFolder("unknown-field", t -> t.replaceFirst("\"shard\" : 2", "\"shard\" : 2, \"colour\" : 1"), r -> r);
    shardFolder("no-format", t -> t.replaceFirst("\"format\" : \"qrtl-shard-2\",", ""), r -> r);
    shardFolder("old-format", t -> t.replace("\"qrtl-shard-2\"", "\"qrtl-shard-1\""), r -> r);
    shardFolder("other-kind", t -> t.replace("\"qrtl-shard-2\"", "\"qrtl-comparison-1\""), r -> r);
    shardFolder("trailing", t -> t + "\n{}", r -> r);
    shardFolder("bare-string", t -> "\"shard\"", r -> r);
    shardFolder("a-list", t -> "[" + t + "]", r -> r);
    shardFolder("empty", t -> "", r -> r);
    shardFolder("no-digest", t -> t.replaceFirst("\"resultsSha256\" : \"[0-9a-f]+\",", ""), r -> r);
    shardFolder("negative-area", t -> t, r -> map(r, x -> x.row() == null ? x : new Shards.PointResult(row(x.row().outBits(), -3), null)));
    shardFolder("infinite-area", t -> t, r -> map(r, x -> x.row() == null ? x : new Shards.PointResult(
        row(x.row().outBits(), Double.POSITIVE_INFINITY), null)));
    shardFolder("counts", t -> t, r -> map(r, x -> x.row() == null ? x : new Shards.PointResult(new CompareRow("shift-round", 16,
        x.row().outBits(), "u", 5, 1, 1, 1, 1, 1, 1, 1, 1, null, null, null, null, new RowVerification(150, 200, "p")), null)));
    shardFolder("stage-sums", t -> t, r -> map(r, x -> x.network() == null ? x : new Shards.PointResult(null,
        new NetworkRow("unified", 1, 999, 0.25, 0.01, 0.2, networkRow(400).stages()))));
    shardFolder("foreign-width", t -> t, r -> map(r, x -> x.row() == null ? x : new Shards.PointResult(new CompareRow("shift-round",
        32, 4, "u", 5, 1, 1, 1, 1, 1, 1, 1, 1, null, null, null, null, null), null)));
    shardFolder("moved-point", t -> t, r -> r.stream().map(x -> new ShardStore.Result<>(x.index() + 100, x.result())).toList());
  }

  /** Each point's result through {@code f} (its index kept). */
  private static List<ShardStore.Result<Shards.PointResult>> map(List<ShardStore.Result<Shards.PointResult>> r,
      UnaryOperator<Shards.PointResult> f) {
    return r.stream().map(x -> new ShardStore.Result<>(x.index(), f.apply(x.result()))).toList();
  }

  private static void networkShards() throws IOException {
    Path d = Files.createDirectories(dir.resolve("bill-shards"));
    BillShards.Definition def = new BillShards.Definition("0.1.0", "network", "resnet18", "built-in", "1x3x224x224", 1, List.of("shift-round"),
        8, 8, "16x16", "qrtl_default45", SHA, "t", "p", 4000, 1, 1024, 25, 0, List.of(new SweepPoint(0, "pe", 1)));
    List<UnitPrice> prices = List.of(new UnitPrice("pe", 10, 0.5, 0.01, 1, 0, "products:k=9", "gate level"));
    Path good = BillShards.STORE.write(d.resolve("good"), new Shards.Spec(1, 1), def, null, List.of(0), prices);
    String text = Files.readString(good);
    Files.createDirectories(d.resolve("edited"));
    Files.writeString(d.resolve("edited/shard-1-of-1.json"), text.replace("\"energyPj\" : 0.5", "\"energyPj\" : 0.05"));
    Files.createDirectories(d.resolve("index"));
    Files.writeString(d.resolve("index/shard-1-of-1.json"), text.replaceFirst("\"shard\" : 1", "\"shard\" : 3"));
    Files.createDirectories(d.resolve("count"));
    Files.writeString(d.resolve("count/shard-1-of-1.json"), text.replaceFirst("\"shards\" : 1", "\"shards\" : -1"));
    BillShards.STORE.write(d.resolve("negative"), new Shards.Spec(1, 1), def, null, List.of(0),
        List.of(new UnitPrice("pe", 10, -0.5, 0.01, 1, 0, "s", "m")));
  }

  // ---- results folders for reports ----------------------------------------------------------

  private static String comparison() throws IOException {
    CompareResult r = new CompareResult("qrtl 0.1.0", "qrtl_default45", "typical", SHA, 1.1, "Yosys 0.23", "Icarus Verilog 11.0", "Java 17",
        "products:k=64", 1, 200, "m", "each unit at its own critical path", "t", "p", 0, "tflite-double", List.of(row(4, 50), row(8, 60)),
        List.of(), List.of(networkRow(400)));
    return ManifestIo.mapper().writeValueAsString(r);
  }

  private static void resultFolder(String name, String file, String text) throws IOException {
    Path d = Files.createDirectories(dir.resolve("reports").resolve(name).resolve("results"));
    Files.writeString(d.resolve(file), text);
  }

  private static void reports() throws IOException {
    String good = comparison();
    resultFolder("bare-string", "comparison.json", "\"a comparison\"");
    resultFolder("a-list", "comparison.json", "[1, 2]");
    resultFolder("no-format", "comparison.json", good.replaceFirst("\"format\" : \"qrtl-comparison-1\",", ""));
    resultFolder("other-kind", "comparison.json", good.replace("qrtl-comparison-1", "qrtl-network-1"));
    resultFolder("unknown-format", "comparison.json", good.replace("qrtl-comparison-1", "qrtl-comparison-9"));
    resultFolder("area-as-text", "comparison.json", good.replaceFirst("\"areaUm2\" : [0-9.]+", "\"areaUm2\" : \"big\""));
    com.fasterxml.jackson.databind.node.ObjectNode noRows = (com.fasterxml.jackson.databind.node.ObjectNode) ManifestIo.mapper().readTree(good);
    noRows.remove("rows");
    resultFolder("rows-missing", "comparison.json", ManifestIo.mapper().writeValueAsString(noRows));
    resultFolder("rows-renamed", "comparison.json", good.replaceFirst("\"rows\" :", "\"rowz\" :"));
    resultFolder("duplicate-key", "comparison.json", good.replaceFirst("\"library\" :", "\"library\" : \"x\", \"library\" :"));
    resultFolder("trailing", "comparison.json", good + "]");
    resultFolder("network-no-layers", "network.json", "{\"format\": \"qrtl-network-1\", \"qrtl\": \"q\"}");
    resultFolder("accuracy-old-list", "error-32.json", "[{\"rows\": []}]");
    resultFolder("pipelines-not-object", "unified-vs-conventional.json", "17");
    resultFolder("good", "comparison.json", good);
    resultFolder("good-network-kind", "network.json", "{}");
  }

  // ---- spec files, .npy stimuli, Verilog ------------------------------------------------------

  private static final String SPEC = "{\"kind\": \"quantizer\", \"spec\": {\"scheme\": \"floor\", \"accBits\": 16, \"out\": {\"bits\": 8,"
      + " \"signed\": true, \"relu\": false, \"saturate\": true}, \"rounding\": \"FLOOR\", \"shift\": 3, \"bias\": false, \"pipeline\": 0,"
      + " \"floorScheme\": true, \"channelShifts\": []}}";

  private static void specs() throws IOException {
    Files.writeString(dir.resolve("spec-good.json"), SPEC);
    String mx = "{\"kind\": \"block-quantizer\", \"spec\": {\"format\": \"MXFP4\", \"block\": 4, \"input\": {\"type\": \"INT\","
        + " \"bits\": 8, \"exponent\": null}, \"scaleRule\": \"FLOOR\", \"rounding\": \"HALF_EVEN\", \"int8MinusTwo\": false,"
        + " \"overflow\": \"NAN\", \"zeroBlock\": \"MIN\", \"pipeline\": 0}}";
    Files.writeString(dir.resolve("spec-mx-good.json"), mx);
    Files.writeString(dir.resolve("spec-mx-block.json"), mx.replace("\"block\": 4", "\"block\": 12"));
    Files.writeString(dir.resolve("spec-mx-format.json"), mx.replace("MXFP4", "MXFP9"));
    Files.writeString(dir.resolve("spec-mx-fp32-exponent.json"), mx.replace("\"type\": \"INT\", \"bits\": 8, \"exponent\": null",
        "\"type\": \"FP32\", \"bits\": 32, \"exponent\": 3"));
    Files.writeString(dir.resolve("spec-mx-rounding.json"), mx.replace("HALF_EVEN", "HALF_UP"));
    Files.writeString(dir.resolve("spec-fraction.json"), SPEC.replace("\"accBits\": 16", "\"accBits\": 16.5"));
    Files.writeString(dir.resolve("spec-float-int.json"), SPEC.replace("\"accBits\": 16", "\"accBits\": 16.0"));
    Files.writeString(dir.resolve("spec-string-int.json"), SPEC.replace("\"accBits\": 16", "\"accBits\": \"16\""));
    Files.writeString(dir.resolve("spec-int-bool.json"), SPEC.replace("\"bias\": false", "\"bias\": 0"));
    Files.writeString(dir.resolve("spec-duplicate.json"), SPEC.replace("\"accBits\": 16", "\"accBits\": 16, \"accBits\": 24"));
    Files.writeString(dir.resolve("spec-trailing.json"), SPEC + " {}");
    Files.writeString(dir.resolve("spec-pipeline-fraction.json"), SPEC.replace("\"pipeline\": 0", "\"pipeline\": 0.5"));
  }

  private static void npys() throws IOException {
    NpyFiles.int32(dir.resolve("five.npy"), new int[] {1, 2, 3, 4, 5});
    NpyFiles.int32(dir.resolve("wide.npy"), new int[] {1, 300, -2});
  }

  private static void verilog() throws IOException {
    String[] r = run("generate", "quantizer", "--scheme", "shift-round", "--acc-bits", "16", "--out-bits", "8", "--runtime-shift", "--out",
        dir.resolve("broken-v").toString());
    assertEquals("0", r[0], r[2]);
    Path v = dir.resolve("broken-v/requant_shift_round_a16_q8s_half_up_krt.v");
    Files.writeString(v, Files.readString(v).replaceFirst("assign", "asign"));
  }

  // ---- the rows -----------------------------------------------------------------------------

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    String n = "network";
    String[] quick = {"--error-samples", "0", "--no-progress", "--out", "{OUT}"};
    // sizes from files overflow: one line naming the node or layer, its dimensions and the limit
    c.add(c("ONNX: K past 2^31", 1, "layer 'huge': K = 65536 x 256 x 256 terms per dot product exceeds the limit of 2147483647",
        cat(new String[] {n, "--model", "{D}/wide-k.onnx"}, quick)));
    c.add(c("ONNX: MACs past 2^63", 1, "layer 'big': 1099578737664 outputs x K = 1073741824 MACs exceed the limit of 9223372036854775807",
        cat(new String[] {n, "--model", "{D}/many-macs.onnx"}, quick)));
    c.add(c("ONNX: a Flatten past 2^63", 1, "node 'flat' (Flatten): its output shape overflows 64-bit arithmetic (inputs 1x2097152x2097152x2097152",
        cat(new String[] {n, "--model", "{D}/flatten.onnx"}, quick)));
    c.add(c("ONNX: 2^40 rows of a Gemm", 1, "node 'fc': dimension 1099511627776 is outside 1..2147483647",
        cat(new String[] {n, "--model", "{D}/many-rows.onnx"}, quick)));
    c.add(c("ONNX: outputs from a huge --input-shape", 1, "layer 'stem': 1 x 8 x 16777216 x 16777216 outputs exceed the limit of 281474976710656",
        cat(new String[] {n, "--model", "{D}/dynamic-hw.onnx", "--input-shape", "1x3x16777216x16777216"}, quick)));
    c.add(c("ONNX: a negative dimension", 1, "tensor 'neg' has a negative dimension", cat(new String[] {n, "--model", "{D}/negative-dim.onnx"},
        quick)));
    // options that name nothing, or would replace what the model fixes
    c.add(c("ONNX: an operator in an unknown domain", 1, "node 'vendor' (Relu) in domain 'com.example' is an operator qrtl does not import",
        cat(new String[] {n, "--model", "{D}/foreign.onnx"}, quick)));
    c.add(c("ONNX: QGemm without its scale inputs", 1, "node 'fc' (QGemm) has no input scale (input 1)",
        cat(new String[] {n, "--model", "{D}/qgemm-no-scales.onnx"}, quick)));
    c.add(c("ONNX: QLinearConcat with a cut input triple", 1, "node 'cat' (QLinearConcat): 4 inputs, not Y_scale, Y_zero_point and triples",
        cat(new String[] {n, "--model", "{D}/concat-short.onnx"}, quick)));
    c.add(c("QONNX: a Quant of bit width 0", 1, "node 'q0' (Quant): bit width 0.0 is not an integer 1..32",
        cat(new String[] {n, "--model", "{D}/quant-bits-0.onnx"}, quick)));
    c.add(c("QONNX: a Quant of bit width 33", 1, "node 'q0' (Quant): bit width 33.0 is not an integer 1..32",
        cat(new String[] {n, "--model", "{D}/quant-bits-33.onnx"}, quick)));
    c.add(c("QONNX: 24-bit activations", 1, "node 'c' (Conv): widths 24/4/8 (activation/weight/output): qrtl prices 2..16-bit",
        cat(new String[] {n, "--model", "{D}/quant-bits-24.onnx"}, quick)));
    c.add(c("QONNX: a Trunc to 0 bits", 1, "(Trunc): out_bitwidth 0.0 is not an integer 1..32",
        cat(new String[] {n, "--model", "{D}/trunc-out-0.onnx"}, quick)));
    c.add(c("QONNX: a Trunc to 1 bit", 1, "(Trunc): 't3': a 8-bit value to 1 bits: qrtl requantizes 2..64-bit values to 2..16 bits",
        cat(new String[] {n, "--model", "{D}/trunc-out-1.onnx"}, quick)));
    c.add(c("QONNX: a layer whose output is never quantized", 1, "node 'c' (Conv): its output reaches no QONNX Quant",
        cat(new String[] {n, "--model", "{D}/quant-no-output.onnx"}, quick)));
    c.add(c("ONNX: a block size that does not divide the axis", 1, "node 'w_dq' (DequantizeLinear): block size 48 does not divide axis 0"
        + " of 256x128", cat(new String[] {n, "--model", "{D}/block-48.onnx"}, quick)));
    c.add(c("ONNX: blocks along the output channels", 1, "w_dq has blocks along axis 1; qrtl prices blocks along K (axis 0)",
        cat(new String[] {n, "--model", "{D}/block-outputs.onnx"}, quick)));
    c.add(c("llama-layer: an unknown phase", 1, "--phase training: use one of prefill, decode",
        cat(new String[] {n, "--model", "llama-layer", "--phase", "training"}, quick)));
    c.add(c("llama-layer: unknown weights", 1, "--weights w3: use one of w8, w4g128, mxfp4",
        cat(new String[] {n, "--model", "llama-layer", "--weights", "w3"}, quick)));
    c.add(c("llama-layer: unknown activations", 1, "--activations fp16: use one of int8, mxint8, mxfp8",
        cat(new String[] {n, "--model", "llama-layer", "--activations", "fp16"}, quick)));
    c.add(c("llama-layer: --seq-len in decode", 1, "--seq-len is the prompt's length in prefill; decode is one token",
        cat(new String[] {n, "--model", "llama-layer", "--phase", "decode", "--seq-len", "512"}, quick)));
    c.add(c("llama-layer: --kv-len in prefill", 1, "--kv-len is the KV cache of decode",
        cat(new String[] {n, "--model", "llama-layer", "--kv-len", "512"}, quick)));
    c.add(c("llama-layer: a KV cache of 0", 1, "--kv-len", cat(new String[] {n, "--model", "llama-layer", "--phase", "decode", "--kv-len",
        "0"}, quick)));
    c.add(c("--mac-array not RxC", 1, "--mac-array 8 is not RxC (write 16x16)", cat(new String[] {n, "--model", "resnet18", "--mac-array",
        "8"}, quick)));
    c.add(c("--mac-array with no rows", 1, "--mac-array 0x4 must have 1..64 rows and columns", cat(new String[] {n, "--model", "resnet18",
        "--mac-array", "0x4"}, quick)));
    c.add(c("--mac-array too wide", 1, "--mac-array 4x65 must have 1..64 rows and columns", cat(new String[] {n, "--model", "resnet18",
        "--mac-array", "4x65"}, quick)));
    c.add(c("--weights for resnet18", 1, "--weights is for the built-in llama-layer, not resnet18",
        cat(new String[] {n, "--model", "resnet18", "--weights", "w4g128"}, quick)));
    c.add(c("--phase for an ONNX model", 1, "--phase is for the built-in llama-layer; an ONNX model's quantization is its own",
        cat(new String[] {n, "--model", "{D}/static.onnx", "--phase", "decode"}, quick)));
    c.add(c("--skip-unknown with a built-in model", 1, "--skip-unknown is for ONNX models; resnet18 is a built-in table",
        cat(new String[] {n, "--model", "resnet18", "--skip-unknown"}, quick)));
    c.add(c("--input-shape naming no input", 1, "--input-shape names input 'y', which the model does not have (its inputs: x)",
        cat(new String[] {n, "--model", "{D}/static.onnx", "--input-shape", "y=1x3x16x16"}, quick)));
    c.add(c("--input-shape replacing a static shape", 1, "--input-shape x=1x3x32x32 would replace dimension 2 of input 'x', which the model fixes at 16",
        cat(new String[] {n, "--model", "{D}/static.onnx", "--input-shape", "x=1x3x32x32"}, quick)));
    c.add(c("unnamed --input-shape replacing a static shape", 1, "would replace dimension 2 of input 'x', which the model fixes at 16",
        cat(new String[] {n, "--model", "{D}/static.onnx", "--input-shape", "1x3x32x32"}, quick)));
    c.add(c("--input-shape replacing a fixed channel count", 1, "would replace dimension 1 of input 'x', which the model fixes at 3",
        cat(new String[] {n, "--model", "{D}/dynamic-hw.onnx", "--input-shape", "1x4x32x32"}, quick)));
    c.add(c("--input-shape of another rank", 1, "input 'x' has rank 4; --input-shape x=3x16x16 gives rank 3",
        cat(new String[] {n, "--model", "{D}/static.onnx", "--input-shape", "x=3x16x16"}, quick)));
    c.add(c("unnamed --input-shape, two static inputs", 1, "names no input, and the model has no input left with a dynamic shape",
        cat(new String[] {n, "--model", "{D}/two-static.onnx", "--input-shape", "1x3x16x16"}, quick)));
    c.add(c("unnamed --input-shape, two dynamic inputs", 1, "give it with --input-shape NAME=DIMS for each of 2 inputs",
        cat(new String[] {n, "--model", "{D}/two-dynamic.onnx", "--input-shape", "1x3x16x16"}, quick)));
    c.add(c("--input-shape twice for one input", 1, "--input-shape gives input 'x' twice",
        cat(new String[] {n, "--model", "{D}/static.onnx", "--input-shape", "x=1x3x16x16", "--input-shape", "x=1x3x16x16"}, quick)));
    c.add(c("--input-shape with a word", 1, "'A' is not a dimension", cat(new String[] {n, "--model", "{D}/dynamic-hw.onnx", "--input-shape",
        "1x3xAx16"}, quick)));
    c.add(c("--input-shape with a zero", 1, "dimension 0 is outside 1..16777216", cat(new String[] {n, "--model", "{D}/dynamic-hw.onnx",
        "--input-shape", "1x3x0x16"}, quick)));
    c.add(c("--seq-len for an ONNX model", 1, "--seq-len is for the built-in bert-base-layer and llama-layer; an ONNX model's sequence length is its input shape",
        cat(new String[] {n, "--model", "{D}/static.onnx", "--seq-len", "64"}, quick)));
    c.add(c("--seq-len for resnet18", 1, "--seq-len is for the built-in bert-base-layer and llama-layer; resnet18 has no sequence",
        cat(new String[] {n, "--model", "resnet18", "--seq-len", "64"}, quick)));
    c.add(c("--seq-len 0", 1, "--seq-len must be in 1..65536, not 0", cat(new String[] {n, "--model", "bert-base-layer", "--seq-len", "0"},
        quick)));
    c.add(c("--input-shape for a built-in table", 1, "--input-shape is for ONNX models", cat(new String[] {n, "--model", "resnet50",
        "--input-shape", "1x3x224x224"}, quick)));
    c.add(c("network: --shard-dir without --shard", 1, "--shard-dir is where --shard writes its partial result",
        cat(new String[] {n, "--model", "resnet18", "--shard-dir", "{OUT}/s"}, quick)));
    c.add(c("network: --shard and --merge", 1, "--shard and --merge do not go together", cat(new String[] {n, "--model", "resnet18", "--shard",
        "1/2", "--merge", "{D}/bill-shards/edited"}, quick)));
    c.add(c("network: --shard 5/4", 1, "the shard must be 1..4 of 1..10000", cat(new String[] {n, "--model", "resnet18", "--shard", "5/4"},
        quick)));
    c.add(c("network: --shard-dir is a file", 1, "is a file, not a folder", cat(new String[] {n, "--model", "resnet18", "--shard", "1/2",
        "--shard-dir", "{D}/a-file"}, quick)));
    c.add(c("network: --out under a file", 1, "a-file is a file, not a folder", n, "--model", "resnet18", "--error-samples", "0", "--out",
        "{D}/a-file/sub"));
    c.add(c("network: --merge of nothing", 1, "no such file or folder", cat(new String[] {n, "--model", "resnet18", "--merge",
        "{D}/absent"}, quick)));
    c.add(c("network: too few ops", 1, "--ops must be in 100..100000000, not 5", cat(new String[] {n, "--model", "resnet18", "--ops", "5"},
        quick)));
    c.add(c("network: 1-bit activations", 1, "--a-bits and --w-bits must be 2..16", cat(new String[] {n, "--model", "resnet18", "--a-bits",
        "1"}, quick)));
    c.add(c("network: an empty array", 1, "--array must be RxC with 1..64 rows", cat(new String[] {n, "--model", "resnet18", "--array",
        "0x4"}, quick)));
    c.add(c("network: too few error samples", 1, "--error-samples must be 0 or 100..10^7", n, "--model", "resnet18", "--error-samples",
        "50", "--out", "{OUT}"));
    c.add(c("network: a model file that is not there", 1, "no such file", cat(new String[] {n, "--model", "{D}/absent.onnx"}, quick)));
    // merges trust nothing they read
    String m = "merge";
    c.add(c("merge: an edited figure", 1, "field results does not match its digest resultsSha256", m, "{D}/shards/edited-result", "--out",
        "{OUT}"));
    c.add(c("merge: a shard index out of range", 1, "field shard is 9, outside 1..2", m, "{D}/shards/edited-index", "--out", "{OUT}"));
    c.add(c("merge: no shards", 1, "field shards is 0, outside 1..10000", m, "{D}/shards/edited-count", "--out", "{OUT}"));
    c.add(c("merge: 20000 shards", 1, "field shards is 20000, outside 1..10000", m, "{D}/shards/huge-count", "--out", "{OUT}"));
    c.add(c("merge: a fractional shard index", 1, "Cannot coerce Floating-point value (2.0)", m, "{D}/shards/float-index", "--out", "{OUT}"));
    c.add(c("merge: a shard index in quotes", 1, "not a well-formed shard result", m, "{D}/shards/string-index", "--out", "{OUT}"));
    c.add(c("merge: a duplicate key", 1, "Duplicate field 'shard'", m, "{D}/shards/duplicate-key", "--out", "{OUT}"));
    c.add(c("merge: an unknown field", 1, "Unrecognized field \"colour\"", m, "{D}/shards/unknown-field", "--out", "{OUT}"));
    c.add(c("merge: no format field", 1, "has no \"format\" field", m, "{D}/shards/no-format", "--out", "{OUT}"));
    c.add(c("merge: an older shard format", 1, "is of format \"qrtl-shard-1\", not a shard result (qrtl-shard-2)", m, "{D}/shards/old-format",
        "--out", "{OUT}"));
    c.add(c("merge: a comparison given as a shard", 1, "is a comparison result (qrtl-comparison-1), not a shard result", m,
        "{D}/shards/other-kind", "--out", "{OUT}"));
    c.add(c("merge: a network shard given as a sweep's", 1, "is a shard of a network bill, not of a comparison", m,
        "{D}/bill-shards/edited", "--out", "{OUT}"));
    c.add(c("merge: something after the JSON", 1, "is not readable JSON", m, "{D}/shards/trailing", "--out", "{OUT}"));
    c.add(c("merge: a bare JSON string", 1, "is not a qrtl result: it holds a JSON string", m, "{D}/shards/bare-string", "--out", "{OUT}"));
    c.add(c("merge: a JSON list", 1, "holds a JSON list", m, "{D}/shards/a-list", "--out", "{OUT}"));
    c.add(c("merge: an empty file", 1, "is empty: not a qrtl result", m, "{D}/shards/empty", "--out", "{OUT}"));
    c.add(c("merge: no results digest", 1, "field results does not match its digest resultsSha256", m, "{D}/shards/no-digest", "--out",
        "{OUT}"));
    c.add(c("merge: a negative area, digest rewritten", 1, "field results[0].result.row.areaUm2 is -3.0, not a finite non-negative number", m,
        "{D}/shards/negative-area", "--out", "{OUT}"));
    c.add(c("merge: an infinite area, digest rewritten", 1, "areaUm2 is Infinity, not a finite non-negative number", m,
        "{D}/shards/infinite-area", "--out", "{OUT}"));
    c.add(c("merge: counts that do not add up", 1, "verification.rtlCosimVectors is 150, but the sweep's operations is 200", m,
        "{D}/shards/counts", "--out", "{OUT}"));
    c.add(c("merge: a total that is not the sum of its stages", 1, "that are not the sums of its stages", m, "{D}/shards/stage-sums",
        "--out", "{OUT}"));
    c.add(c("merge: a unit outside the sweep's widths", 1, "is a 32 -> 4 unit, outside the sweep's widths", m, "{D}/shards/foreign-width",
        "--out", "{OUT}"));
    c.add(c("merge: a point moved, digest rewritten", 1, "is corrupted: shard 1/2 should hold points", m, "{D}/shards/moved-point", "--out",
        "{OUT}"));
    c.add(c("merge: --out is a file", 1, "is a file, not a folder", m, "{D}/shards/good", "--out", "{D}/a-file"));
    String[] bill = {n, "--model", "resnet18", "--error-samples", "0", "--no-progress", "--out", "{OUT}", "--merge"};
    c.add(c("network --merge: an edited figure", 1, "field results does not match its digest resultsSha256", cat(bill,
        new String[] {"{D}/bill-shards/edited"})));
    c.add(c("network --merge: a shard index out of range", 1, "field shard is 3, outside 1..1", cat(bill, new String[] {"{D}/bill-shards/index"})));
    c.add(c("network --merge: a negative count", 1, "field shards is -1, outside 1..10000", cat(bill, new String[] {"{D}/bill-shards/count"})));
    c.add(c("network --merge: a negative energy, digest rewritten", 1, "field results[0].result.energyPj is -0.5, not a finite non-negative",
        cat(bill, new String[] {"{D}/bill-shards/negative"})));
    c.add(c("network --merge: a sweep's shards", 1, "is a shard of a comparison, not of a network bill", cat(bill,
        new String[] {"{D}/shards/good"})));
    // reports: each file checked for its kind and format, then read into its record (every required component there) before a page is written
    String r = "report";
    String[][] reportRows = {
      {"bare-string", "is not a qrtl result: it holds a JSON string"},
      {"a-list", "is not a qrtl result: it holds a JSON list"},
      {"no-format", "has no \"format\" field"},
      {"other-kind", "is a network result (qrtl-network-1), not a comparison result (qrtl-comparison-1)"},
      {"unknown-format", "is of format \"qrtl-comparison-9\", not a comparison result"},
      {"area-as-text", "to `double` value (at rows[0].areaUm2)"},
      {"rows-missing", "comparison.json: rows is missing"},
      {"rows-renamed", "Unrecognized field \"rowz\""},
      {"duplicate-key", "Duplicate field 'library'"},
      {"trailing", "is not readable JSON"},
      {"network-no-layers", "a required `int` is missing or null (at aBits)"},
      {"accuracy-old-list", "is not a qrtl result: it holds a JSON list"},
      {"pipelines-not-object", "holds a JSON number"},
    };
    for (String[] x : reportRows) {
      c.add(watching("{D}/reports/" + x[0], "report: " + x[0], 1, x[1], r, "{D}/reports/" + x[0] + "/results"));
      c.add(watching("{D}/reports/" + x[0], "report of the folder above: " + x[0], 1, x[1], r, "{D}/reports/" + x[0]));
    }
    c.add(watching("{D}/reports/good", "report: a baseline of another kind", 1, "does not hold the same kind of results", r,
        "{D}/reports/good/results", "--baseline", "{D}/reports/good-network-kind/results"));
    // error: a .npy stimulus is read, and every option used or refused
    String e = "error";
    c.add(c("error: --samples beside a .npy stimulus", 1, "--samples 10: the stimulus", e, "--stimulus", "{D}/five.npy", "--samples", "10",
        "--out", "{OUT}"));
    c.add(c("error: --seed beside a .npy stimulus", 1, "--seed has no effect with a .npy stimulus", e, "--stimulus", "{D}/five.npy", "--seed",
        "4", "--out", "{OUT}"));
    c.add(c("error: a .npy value past the accumulator", 1, "value 300 at index 1 does not fit a signed 8-bit accumulator", e, "--stimulus",
        "{D}/wide.npy", "--acc-bits", "8", "--out-bits", "4", "--out", "{OUT}"));
    c.add(c("error: --pipelines with --out-bits", 1, "--out-bits has no effect with --pipelines", e, "--pipelines", "--out-bits", "4",
        "--out", "{OUT}"));
    c.add(c("error: --pipelines with --scale", 1, "--scale has no effect with --pipelines", e, "--pipelines", "--scale", "0.1", "--out",
        "{OUT}"));
    c.add(c("error: --pipeline-channels alone", 1, "--pipeline-channels is a --pipelines option", e, "--pipeline-channels", "8", "--out",
        "{OUT}"));
    c.add(c("spec: an MX block of 12", 1, "its spec is invalid: block size 12: an MX block is a power of two", cat(new String[] {"generate", "spec"},
        new String[] {"{D}/spec-mx-block.json", "--out", "{OUT}"})));
    c.add(c("spec: an unknown MX format", 1, "from String \"MXFP9\": not one of the values accepted", cat(new String[] {"generate", "spec"},
        new String[] {"{D}/spec-mx-format.json", "--out", "{OUT}"})));
    c.add(c("spec: an fp32 MX input with an exponent", 1, "an fp32 input is 32 bits with no input exponent", cat(new String[] {"generate", "spec"},
        new String[] {"{D}/spec-mx-fp32-exponent.json", "--out", "{OUT}"})));
    c.add(c("spec: an MX rounding the reference does not define", 1, "rounding half-up: MX conversion rounds to nearest", cat(new String[] {"generate", "spec"},
        new String[] {"{D}/spec-mx-rounding.json", "--out", "{OUT}"})));
    // MX block quantizers: every option checked before a file is written
    String[] bq = {"generate", "block-quantizer", "--out", "{OUT}"};
    String[][] mxRows = {
      {"an unknown format", "unknown MX format 'mxfp9'", "--format", "mxfp9"},
      {"a block that is not a power of two", "--block 48: an MX block is a power of two from 2 to 256", "--format", "mxfp4", "--block", "48"},
      {"a block over 256", "--block 512: an MX block is a power of two", "--format", "mxfp4", "--block", "512"},
      {"a block of one", "--block 1: an MX block", "--format", "mxint8", "--block", "1"},
      {"a 1-bit input", "--input int:1: MX block inputs are 2- to 48-bit integers or fp32", "--format", "mxfp8-e4m3", "--input", "int:1"},
      {"a 64-bit input", "--input int:64: MX block inputs", "--format", "mxfp8-e5m2", "--input", "int:64"},
      {"an fp16 input", "--input fp16: use int:A", "--format", "mxfp4", "--input", "fp16"},
      {"floor rounding", "--rounding floor: the MX reference rounds to nearest", "--format", "mxfp4", "--rounding", "floor"},
      {"half-up rounding", "--rounding half-up: the MX reference", "--format", "mxfp6-e2m3", "--rounding", "half-up"},
      {"an unknown rounding", "unknown rounding 'nearest'", "--format", "mxfp4", "--rounding", "nearest"},
      {"an unknown scale rule", "--scale-rule round: use one of floor, ceil", "--format", "mxfp4", "--scale-rule", "round"},
      {"an input exponent for fp32", "--input-exp applies to integer inputs", "--format", "mxfp4", "--input", "fp32", "--input-exp", "3"},
      {"an input exponent past 127", "--input-exp 300 is outside -128..127", "--format", "mxfp4", "--input-exp", "300"},
      {"-128 for a float format", "the code -128 is an MXINT8 option", "--format", "mxfp4", "--int8-min", "-128"},
      {"an INT8 minimum of -126", "--int8-min -126: MXINT8's most negative element is -127 or -128", "--format", "mxint8", "--int8-min", "-126"},
      {"an unknown overflow rule", "--scale-overflow wrap: use one of nan, saturate", "--format", "mxint8", "--scale-overflow", "wrap"},
      {"an unknown zero-block scale", "--zero-block-scale zero: use one of min, one", "--format", "mxint8", "--zero-block-scale", "zero"},
      {"too many stages", "--pipeline 99 is outside 0..8", "--format", "mxfp4", "--pipeline", "99"},
    };
    for (String[] x : mxRows) {
      c.add(c("generate block-quantizer: " + x[0], 1, x[1], cat(bq, java.util.Arrays.copyOfRange(x, 2, x.length))));
    }
    String[] bd = {"generate", "block-dot", "--out", "{OUT}"};
    String[][] dotRows = {
      {"an unknown format", "unknown MX format 'fp8'", "--format", "fp8"},
      {"a block of 24", "--block 24: an MX block is a power of two", "--format", "mxfp4", "--block", "24"},
      {"a block of 1024", "--block 1024: an MX block", "--format", "mxint8", "--block", "1024"},
      {"an unknown accumulation", "--accumulation fp16: use exact or fp32", "--format", "mxfp4", "--accumulation", "fp16"},
      {"a binary32 int8 dot product", "--accumulation fp32 applies to MX blocks", "--format", "int8", "--accumulation", "fp32"},
      {"too many stages", "--pipeline 9 is outside 0..8", "--format", "mxfp4", "--pipeline", "9"},
    };
    for (String[] x : dotRows) {
      c.add(c("generate block-dot: " + x[0], 1, x[1], cat(bd, java.util.Arrays.copyOfRange(x, 2, x.length))));
    }
    String[] emx = {"error", "mx", "--out", "{OUT}"};
    c.add(c("error mx: an unknown format", 1, "--formats: unknown MX format 'mxfp5'", cat(emx, new String[] {"--formats", "mxfp5"})));
    c.add(c("error mx: a block of 24", 1, "block size 24: an MX block is a power of two", cat(emx, new String[] {"--blocks", "24"})));
    c.add(c("error mx: channels not a whole number of blocks", 1, "1000 channels are not a whole number of blocks of 16", cat(emx,
        new String[] {"--channels", "1000"})));
    c.add(c("error mx: an unknown distribution", 1, "unknown distribution 'cauchy'", cat(emx, new String[] {"--distributions", "cauchy"})));
    c.add(c("error mx: an unknown scale rule", 1, "--scale-rules round: use floor, ceil or both", cat(emx,
        new String[] {"--scale-rules", "round"})));
    c.add(c("error mx: floor rounding", 1, "MX conversion rounds to nearest", cat(emx, new String[] {"--rounding", "floor"})));
    c.add(c("error mx: too many values", 1, "rows x channels must be 1 .. 2^24 values", cat(emx, new String[] {"--rows", "65536",
        "--channels", "1024"})));
    c.add(c("error mx: no rows", 1, "--rows", cat(emx, new String[] {"--rows", "0"})));
    String[] gpe = {"generate", "group-pe", "--out", "{OUT}"};
    String[][] gpeRows = {
      {"a group that does not divide K", "group size 48: a group is 2..K products and divides K (4096)", "--granularity", "group:48"},
      {"an unknown granularity", "--granularity channel: use tensor or group:G", "--granularity", "channel"},
      {"an unknown group scale", "--group-scale fp8: use shift, shift:bits=B, dyadic:m=M or fp16", "--group-scale", "fp8"},
      {"a 20-bit dyadic multiplier", "dyadic group scales are 1..16 bits, not 20", "--group-scale", "dyadic:m=20"},
      {"a 9-bit shift", "shift group scales are 1..5 bits, not 9", "--group-scale", "shift:bits=9"},
      {"a 1-bit activation", "activation and weight widths must be 2..16 bits", "--a-bits", "1"},
      {"K past 2^20", "K 3000000 is outside 1..2^20", "--k", "3000000"},
    };
    for (String[] x : gpeRows) {
      c.add(c("generate group-pe: " + x[0], 1, x[1], cat(gpe, java.util.Arrays.copyOfRange(x, 2, x.length))));
    }
    String[] radd = {"generate", "residual-add", "--out", "{OUT}"};
    String[][] raddRows = {
      {"an unknown scheme", "--scheme dyadic8: unknown residual-add scheme 'dyadic8'", "--scheme", "dyadic8"},
      {"a 9-bit tflite add", "the tflite residual add is TFLite's 8-bit kernel", "--scheme", "tflite", "--bits", "9"},
      {"a 1-bit add", "residual-add inputs are 2..16 bits, not 1", "--bits", "1"},
      {"17 bits", "residual-add inputs are 2..16 bits, not 17", "--bits", "17"},
      {"--m-bits without dyadic", "--m-bits is for the dyadic add, not shift-round", "--m-bits", "4"},
      {"a 20-bit dyadic multiplier", "dyadic multipliers are 2..16 bits, not 20", "--scheme", "dyadic", "--m-bits", "20"},
      {"--rounding with tflite", "--rounding is for shift-round and dyadic; the tflite add rounds half-away", "--scheme", "tflite",
          "--rounding", "half-even"},
      {"an unknown rounding", "unknown rounding 'nearest'", "--rounding", "nearest"},
    };
    for (String[] x : raddRows) {
      c.add(c("generate residual-add: " + x[0], 1, x[1], cat(radd, java.util.Arrays.copyOfRange(x, 2, x.length))));
    }
    String[] pmx = {"pareto", "mx", "--out", "{OUT}"};
    c.add(c("pareto mx: an unknown format", 1, "--formats: unknown MX format 'mxfp3'", cat(pmx, new String[] {"--formats", "mxfp3"})));
    c.add(c("pareto mx: a block of 48", 1, "block size 48: an MX block is a power of two", cat(pmx, new String[] {"--blocks", "48"})));
    c.add(c("pareto mx: an unknown distribution", 1, "--distribution: unknown distribution 'normal'", cat(pmx,
        new String[] {"--distribution", "normal"})));
    c.add(c("pareto mx: 64-bit inputs", 1, "accumulator width 64: MX block quantizers take 2..48-bit inputs", cat(pmx,
        new String[] {"--acc-bits", "64"})));
    c.add(c("pareto mx: a dot block of 24", 1, "--dot-block 24: an MX block is a power of two", cat(pmx, new String[] {"--dot-block", "24"})));
    c.add(c("pareto mx: a PE group that does not divide K", 1, "--pe-groups 48: a group is 2..K products and divides --pe-k 4096", cat(pmx,
        new String[] {"--pe-groups", "48"})));
    String[] cmx = {"compare", "--no-network", "--no-progress", "--out", "{OUT}", "--schemes"};
    c.add(c("compare: an MX block of 12", 1, "--schemes: block size 12: an MX block is a power of two", cat(cmx, new String[] {"mxfp4:k=12"})));
    c.add(c("compare: an unknown MX format", 1, "--schemes: unknown MX format 'mxfp9'", cat(cmx, new String[] {"mxfp9:k=8"})));
    c.add(c("compare: an MX form option", 1, "use FORMAT:k=K[:rule=floor|ceil]", cat(cmx, new String[] {"mxfp4:k=8:rule=round"})));
    c.add(c("compare: MX with 56-bit accumulators", 1, "accumulator width 56: MX block quantizers take 2..48-bit inputs", cat(cmx,
        new String[] {"mxfp4:k=8", "--acc-bits", "56"})));
    c.add(c("prove block-quantizer: a block that is not a power of two", 1, "--block 12: an MX block", "prove", "block-quantizer",
        "--format", "mxfp4", "--block", "12"));
    c.add(c("prove block-quantizer: a pipelined unit", 1, "prove compares the combinational function", "prove", "block-quantizer",
        "--format", "mxfp4", "--block", "8", "--pipeline", "1"));
    // spec files: no coercion, no duplicate keys, nothing after the document
    String[] g = {"generate", "spec"};
    c.add(c("spec: a fractional width", 1, "Cannot coerce Floating-point value (16.5) to `int` value (at accBits)", cat(g,
        new String[] {"{D}/spec-fraction.json", "--out", "{OUT}"})));
    c.add(c("spec: 16.0 for an integer", 1, "Cannot coerce Floating-point value (16.0)", cat(g, new String[] {"{D}/spec-float-int.json",
        "--out", "{OUT}"})));
    c.add(c("spec: a width in quotes", 1, "(at accBits)", cat(g, new String[] {"{D}/spec-string-int.json", "--out", "{OUT}"})));
    c.add(c("spec: 0 for false", 1, "(at bias)", cat(g, new String[] {"{D}/spec-int-bool.json", "--out", "{OUT}"})));
    c.add(c("spec: a key twice", 1, "Duplicate field 'accBits'", cat(g, new String[] {"{D}/spec-duplicate.json", "--out", "{OUT}"})));
    c.add(c("spec: something after the document", 1, "cannot read spec file", cat(g, new String[] {"{D}/spec-trailing.json", "--out",
        "{OUT}"})));
    c.add(c("spec: half a pipeline stage", 1, "Cannot coerce Floating-point value (0.5) to `int` value (at pipeline)", cat(g,
        new String[] {"{D}/spec-pipeline-fraction.json", "--out", "{OUT}"})));
    // shards and Slurm: refused before the first unit is priced or the first file written
    String[] cmp = {"compare", "--schemes", "floor", "--out-bits", "4", "--ops", "200", "--no-network", "--no-progress", "--out", "{OUT}"};
    c.add(c("compare: --shard-dir is a file", 1, "--shard-dir " , cat(cmp, new String[] {"--shard", "1/2", "--shard-dir", "{D}/a-file"})));
    c.add(c("compare: --shard-dir without --shard", 1, "--shard-dir is where --shard writes its partial result", cat(cmp,
        new String[] {"--shard-dir", "{OUT}/s"})));
    c.add(c("compare: --shards without --slurm", 1, "--shards is a --slurm option", cat(cmp, new String[] {"--shards", "3"})));
    c.add(c("compare: --shard under a file", 1, "a-file is a file, not a folder", "compare", "--schemes", "floor", "--out-bits", "4",
        "--no-network", "--out", "{D}/a-file/sub", "--shard", "1/2"));
    c.add(c("compare --slurm: a partition with a semicolon", 1, "--partition a;b is not a partition name", cat(cmp, new String[] {"--slurm",
        "--dry-run", "--partition", "a;b"})));
    c.add(c("compare --slurm: a time that is not one", 1, "--time soon is not a Slurm time", cat(cmp, new String[] {"--slurm", "--dry-run",
        "--time", "soon"})));
    c.add(c("compare --slurm: an sbatch option with a space", 1, "--sbatch-arg --mail-user=a b is not of the form", cat(cmp,
        new String[] {"--slurm", "--dry-run", "--sbatch-arg", "--mail-user=a b"})));
    c.add(c("compare --slurm: an sbatch option that is no option", 1, "--sbatch-arg x is not of the form", cat(cmp, new String[] {"--slurm",
        "--dry-run", "--sbatch-arg", "x"})));
    c.add(c("compare --slurm: no shards", 1, "--shards must be in 1..10000, not 0", cat(cmp, new String[] {"--slurm", "--dry-run", "--shards",
        "0"})));
    // a user's Verilog that does not parse: where, first
    String broken = "{D}/broken-v/requant_shift_round_a16_q8s_half_up_krt";
    c.add(watching("{D}/broken-v", "cosim: a Verilog syntax error", 1, "requant_shift_round_a16_q8s_half_up_krt.v:43: syntax error", "cosim",
        "--manifest", broken + ".json", "--vectors", "10"));
    c.add(watching("{D}/broken-v", "synth: a Verilog syntax error", 1, "requant_shift_round_a16_q8s_half_up_krt.v:43: syntax error", "synth",
        "--manifest", broken + ".json"));
    c.add(watching("{D}/broken-v", "estimate: a Verilog syntax error", 1, "requant_shift_round_a16_q8s_half_up_krt.v:43: syntax error",
        "estimate", "--manifest", broken + ".json", "--ops", "100"));
    return c;
  }

  static String[] cat(String[] a, String[] b) {
    return Stream.of(a, b).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  static String[] run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(new PrintWriter(o), new PrintWriter(e), args);
    return new String[] {Integer.toString(code), o.toString(), e.toString()};
  }

  /** Every file under {@code p} with its size and content hash: what must not change. */
  static Map<String, String> snapshot(Path p) throws IOException {
    Map<String, String> m = new TreeMap<>();
    if (!Files.exists(p)) {
      return m;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        m.put(p.relativize(f).toString(), dev.qrtl.util.Hashing.sha256(Files.readAllBytes(f)));
      }
    }
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsOneLineAndLeavesNothingBehind(Case bad) throws IOException {
    Path out = dir.resolve("out-" + Integer.toHexString(bad.name().hashCode()));
    List<String> args = new ArrayList<>();
    for (String a : bad.args()) {
      args.add(a.replace("{OUT}", out.toString()).replace("{D}", dir.toString()));
    }
    Path watch = Path.of(bad.watch().replace("{OUT}", out.toString()).replace("{D}", dir.toString()));
    Map<String, String> before = snapshot(watch);
    String[] r = run(args.toArray(new String[0]));
    String err = r[2];
    assertEquals(Integer.toString(bad.exit()), r[0], bad + ": exit code; stderr: " + err + "stdout: " + r[1]);
    String first = err.lines().findFirst().orElse("");
    assertTrue(first.startsWith("qrtl: ") && first.contains(bad.message()), bad + ": the first line should name '" + bad.message() + "': "
        + err);
    assertTrue(err.lines().count() <= 3, bad + ": at most three lines: " + err);
    assertEquals(before, snapshot(watch), bad + ": nothing written, changed or removed in " + watch);
  }

  @org.junit.jupiter.api.Test
  void theFixturesAreBrokenOnlyWhereTheySay() throws IOException {
    // the unedited shards merge, the untouched model prices its shapes, the good spec generates, the good folder gets a page
    String[] merged = run("merge", dir.resolve("shards/good").toString(), "--out", dir.resolve("merged").toString());
    assertEquals("0", merged[0], merged[2]);
    assertTrue(Files.isRegularFile(dir.resolve("merged/qrtl_default45/comparison.json")));
    dev.qrtl.onnx.OnnxModel model = dev.qrtl.onnx.OnnxImport.read(dir.resolve("dynamic-hw.onnx"), Map.of("", new long[] {1, 3, 32, 32}),
        Map.of());
    assertEquals(8L * 32 * 32 * 27, dev.qrtl.network.OnnxNetworks.of(model).macs(), "an --input-shape for the symbolic dimensions is used");
    assertEquals(8L * 16 * 16 * 27, dev.qrtl.network.OnnxNetworks.of(dev.qrtl.onnx.OnnxImport.read(dir.resolve("static.onnx"),
        Map.of("x", new long[] {1, 3, 16, 16}), Map.of())).macs(), "a shape equal to the model's own is accepted");
    String[] spec = run("generate", "spec", dir.resolve("spec-good.json").toString(), "--out", dir.resolve("spec-out").toString());
    assertEquals("0", spec[0], spec[2]);
    String[] mx = run("generate", "spec", dir.resolve("spec-mx-good.json").toString(), "--out", dir.resolve("spec-mx-out").toString());
    assertEquals("0", mx[0], mx[2]);
    String[] bq = run("generate", "block-quantizer", "--format", "mxfp4", "--block", "4", "--out", dir.resolve("bq-out").toString());
    assertEquals("0", bq[0], bq[2]);
    String[] page = run("report", dir.resolve("reports/good/results").toString());
    assertEquals("0", page[0], page[2]);
    System.out.println("surface battery: " + cases().size() + " bad command lines refused in one line, each leaving its files untouched;"
        + " the unedited fixtures succeed");
  }

  /** Folder names become relative, percent-encoded links: never a URL scheme, never out of the attribute. */
  @org.junit.jupiter.api.Test
  void folderNamesBecomeRelativeEncodedLinks() throws IOException {
    Path parent = dir.resolve("names");
    String comparison = comparison();
    for (String name : List.of("javascript:alert(1)", "q\"uote", "data:text", "plain")) {
      Files.createDirectories(parent.resolve(name));
      Files.writeString(parent.resolve(name).resolve("comparison.json"), comparison);
    }
    String[] r = run("report", parent.toString());
    assertEquals("0", r[0], r[2]);
    String index = Files.readString(parent.resolve("index.html"));
    List<String> hrefs = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"]*)\"").matcher(index);
    while (m.find()) {
      hrefs.add(m.group(1));
    }
    assertEquals(List.of("./data%3Atext/index.html", "./javascript%3Aalert%281%29/index.html", "./plain/index.html",
        "./q%22uote/index.html"), hrefs, "one relative link per folder, every byte outside A-Z a-z 0-9 - . _ ~ percent-encoded");
    for (String h : hrefs) {
      // what the browser resolves: the link stays inside the parent folder, in the folder of that name
      java.net.URI u = parent.toUri().resolve(h);
      assertEquals("file", u.getScheme(), h);
      assertTrue(Path.of(u).startsWith(parent), h + " resolves into " + u);
      assertTrue(Files.isRegularFile(Path.of(u)), h + " points at the folder's page");
    }
    assertTrue(!index.contains("href=\"javascript") && !index.contains("href=\"data"), "no link starts with a scheme");
  }

  /** {@code error --stimulus FILE.npy} reads the file: its count is the sample count, and the figures are its values'. */
  @org.junit.jupiter.api.Test
  void anNpyStimulusIsReadInOrder() throws IOException {
    int n = 1000;
    int[] exact = new int[n];
    int[] huge = new int[n];
    for (int i = 0; i < n; i++) {
      exact[i] = 256 * (i % 100 - 50); // times 2^-8: whole numbers -50..49, exact at every shift-round rounding
      huge[i] = (i % 2 == 0 ? 1 : -1) * (1 << 20); // times 2^-8: +-4096, past every 8-bit output
    }
    Path a = NpyFiles.int32(dir.resolve("exact.npy"), exact);
    Path b = NpyFiles.int32(dir.resolve("huge.npy"), huge);
    String[] common = {"error", "--schemes", "shift-round", "--acc-bits", "24", "--out-bits", "8", "--scale", "0.00390625", "--json"};
    com.fasterxml.jackson.databind.JsonNode ja = ManifestIo.mapper().readTree(run(cat(common, new String[] {"--stimulus", a.toString()}))[1]);
    com.fasterxml.jackson.databind.JsonNode t = ja.get("tables").get(0);
    assertEquals(n, t.get("samples").asInt(), "the file's count is the sample count");
    assertEquals(a.toString(), t.get("stimulus").asText());
    for (com.fasterxml.jackson.databind.JsonNode row : t.get("rows")) {
      if (row.get("view").asText().equals("at S")) {
        assertEquals(0.0, row.get("metrics").get("rms").asDouble(), 0.0, "multiples of 2^8 at S = 2^-8: no error at all");
        assertEquals(0.0, row.get("metrics").get("saturationFraction").asDouble(), 0.0);
      }
    }
    com.fasterxml.jackson.databind.JsonNode jb = ManifestIo.mapper().readTree(run(cat(common, new String[] {"--stimulus", b.toString()}))[1]);
    for (com.fasterxml.jackson.databind.JsonNode row : jb.get("tables").get(0).get("rows")) {
      if (row.get("view").asText().equals("at S")) {
        assertEquals(1.0, row.get("metrics").get("saturationFraction").asDouble(), 0.0, "every value of the file saturates");
      }
    }
    String text = run("error", "--schemes", "shift-round", "--acc-bits", "24", "--out-bits", "8", "--scale", "0.00390625", "--stimulus",
        a.toString())[1];
    assertTrue(text.contains(n + " accumulators read in order from " + a), "the header says what was read: " + text.lines().findFirst());
  }
}
