package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.testing.Golden;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input battery: more than a hundred bad command lines across every subcommand (unknown,
 * contradictory and ignored options, values out of domain, degenerate stimuli, malformed
 * manifests, spec files, .npy files and Liberty files, busy or impossible output folders). Each
 * must end with its exit code, a first stderr line {@code qrtl: ...} naming the problem, at most
 * three lines of stderr, and no file in the case's output folder. After the battery, one normal
 * run per subcommand still succeeds.
 */
@Tag("tools")
class BadInputBatteryTest {
  @TempDir static Path dir;
  static Path good;
  static Path aFile;

  /** One bad command line: its words ({@code {OUT}} is the case's own output folder, {@code {D}} the fixture folder). */
  record Case(String name, int exit, String message, String... args) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void fixtures() throws IOException {
    Object[] r = CliTest.run("generate", "quantizer", "--scheme", "shift-round", "--acc-bits", "16", "--out-bits", "8", "--runtime-shift",
        "--out", dir.resolve("good").toString());
    assertEquals(0, r[0], (String) r[2]);
    good = dir.resolve("good/requant_shift_round_a16_q8s_half_up_krt.json");
    aFile = Files.writeString(dir.resolve("a-file"), "not a folder");
    Files.writeString(dir.resolve("broken.json"), "{\"format\": 2, \"top\": ");
    String m = Files.readString(good);
    Files.writeString(dir.resolve("good/escape.json"), m.replace("\"requant_shift_round_a16_q8s_half_up_krt.v\"", "\"../x.v\""));
    Files.writeString(dir.resolve("good/keyword.json"), m.replace("\"name\": \"acc\"", "\"name\": \"wire\""));
    dev.qrtl.verilog.DesignWriter.write(dev.qrtl.gen.Examples.macCell(8, 8, 24), "example", null, dir.resolve("example"));
    r = CliTest.run("generate", "mac-array", "--rows", "2", "--cols", "2", "--k", "4", "--out", dir.resolve("array").toString());
    assertEquals(0, r[0], (String) r[2]);
    npy("neg.npy", "{'descr': '<i4', 'fortran_order': False, 'shape': (-3,), }", 12, 1);
    npy("huge.npy", "{'descr': '<i4', 'fortran_order': False, 'shape': (99999999999,), }", 4, 1);
    npy("empty.npy", "{'descr': '<i4', 'fortran_order': False, 'shape': (0,), }", 0, 1);
    npy("float.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 4, 1);
    npy("fortran.npy", "{'descr': '<i4', 'fortran_order': True, 'shape': (1,), }", 4, 1);
    npy("short.npy", "{'descr': '<i4', 'fortran_order': False, 'shape': (1000,), }", 8, 1);
    byte[] v2 = new byte[16];
    ByteBuffer.wrap(v2).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 2)
        .put((byte) 0).putInt(0xFFFFFFF0);
    Files.write(dir.resolve("headerlen.npy"), v2);
    Files.writeString(dir.resolve("garbage.lib"), "hello, this is not a Liberty file\n");
    String lib = Files.readString(Golden.projectRoot().resolve("src/test/resources/liberty/nangate45-excerpt.lib"));
    Files.writeString(dir.resolve("badunit.lib"), lib.replace("time_unit               \t\t: \"1ns\"", "time_unit : \"fast\""));
    byte[] gz = Files.readAllBytes(Golden.projectRoot().resolve("synth/tech/nangate45_typ.lib.gz"));
    Files.write(dir.resolve("truncated.lib.gz"), Arrays.copyOf(gz, 2000));
    Files.writeString(dir.resolve("spec-notjson.json"), "{ nope");
    Files.writeString(dir.resolve("spec-field.json"), "{\"kind\": \"quantizer\", \"spec\": {}, \"colour\": 1}");
    Files.writeString(dir.resolve("spec-scheme.json"), "{\"kind\": \"quantizer\", \"spec\": {\"scheme\": \"magic\"}}");
    Files.writeString(dir.resolve("spec-range.json"), "{\"kind\": \"quantizer\", \"spec\": {\"scheme\": \"floor\", \"accBits\": 99, \"out\": {\"bits\": 8,"
        + " \"signed\": true, \"relu\": false, \"saturate\": true}, \"rounding\": \"FLOOR\", \"shift\": null, \"bias\": false, \"pipeline\": 0,"
        + " \"floorScheme\": true, \"channelShifts\": []}}");
  }

  private static void npy(String name, String header, int dataBytes, int version) throws IOException {
    StringBuilder h = new StringBuilder(header);
    while ((10 + h.length() + 1) % 64 != 0) {
      h.append(' ');
    }
    h.append('\n');
    ByteBuffer b = ByteBuffer.allocate(10 + h.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0).putShort((short) h.length());
    b.put(h.toString().getBytes(StandardCharsets.US_ASCII));
    Files.write(dir.resolve(name), b.array());
  }

  static Case c(String name, int exit, String message, String... args) {
    return new Case(name, exit, message, args);
  }

  static final String Q = "quantizer";

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    String[] sr = {"--scheme", "shift-round", "--acc-bits", "32", "--out-bits", "8"};
    // run: every option checked before the first file is written
    c.add(c("run, unknown scheme", 1, "unknown scheme 'bogus'", "run", "--schemes", "bogus", "--out", "{OUT}", "--results", "{OUT}/r"));
    c.add(c("run, no vectors", 1, "--vectors must be at least 1", "run", "--vectors", "0", "--out", "{OUT}", "--results", "{OUT}/r"));
    c.add(c("run, 1-bit output", 1, "output width 1 is out of range", "run", "--out-bits", "1", "--out", "{OUT}", "--results", "{OUT}/r"));
    c.add(c("run, too few ops", 1, "--ops must be between 100", "run", "--ops", "5", "--out", "{OUT}", "--results", "{OUT}/r"));
    c.add(c("run, results is a file", 1, "is a file, not a folder", "run", "--out", "{OUT}", "--results", "{D}/a-file"));
    c.add(c("run, dyadic m 40", 1, "m = 40", "run", "--schemes", "dyadic:m=40", "--out", "{OUT}", "--results", "{OUT}/r"));
    c.add(c("run, unknown option", 2, "Unknown option", "run", "--frobnicate"));
    // generate quantizer
    c.add(c("no scheme", 1, "--scheme is required", "generate", Q, "--acc-bits", "32", "--out-bits", "8", "--out", "{OUT}"));
    c.add(c("unknown scheme", 1, "unknown scheme 'nope'", "generate", Q, "--scheme", "nope", "--acc-bits", "32", "--out-bits", "8", "--out", "{OUT}"));
    c.add(c("shift-round without a shift", 1, "needs --shift K", cat(new String[] {"generate", Q}, sr, "--out", "{OUT}")));
    c.add(c("shift and channel shifts", 1, "not both", cat(new String[] {"generate", Q}, sr, "--shift", "4", "--channel-shifts", "1,2", "--out", "{OUT}")));
    c.add(c("shift and runtime shift", 1, "give --shift or --runtime-shift, not both",
        cat(new String[] {"generate", Q}, sr, "--shift", "4", "--runtime-shift", "--out", "{OUT}")));
    c.add(c("floor with a rounding", 1, "--rounding is not an option of floor", "generate", Q, "--scheme", "floor", "--acc-bits", "32",
        "--out-bits", "8", "--runtime-shift", "--rounding", "half-even", "--out", "{OUT}"));
    c.add(c("shift-round with a zero point", 1, "--zero-point is not an option of shift-round",
        cat(new String[] {"generate", Q}, sr, "--shift", "3", "--zero-point", "5", "--out", "{OUT}")));
    c.add(c("thresholds and derived thresholds", 1, "give --thresholds or --derive-thresholds, not both", "generate", Q, "--scheme", "threshold",
        "--acc-bits", "16", "--out-bits", "2", "--thresholds", "1,2,3", "--derive-thresholds", "--shift", "2", "--out", "{OUT}"));
    c.add(c("threshold with a bias", 1, "--bias is not an option of threshold", "generate", Q, "--scheme", "threshold", "--acc-bits", "16",
        "--out-bits", "2", "--bias", "--out", "{OUT}"));
    c.add(c("zero-bit accumulator", 1, "accumulator width 0 is outside", "generate", Q, "--scheme", "floor", "--acc-bits", "0", "--out-bits",
        "8", "--runtime-shift", "--out", "{OUT}"));
    c.add(c("100-bit accumulator", 1, "accumulator width 100 is outside", "generate", Q, "--scheme", "floor", "--acc-bits", "100",
        "--out-bits", "8", "--runtime-shift", "--out", "{OUT}"));
    c.add(c("1-bit output", 1, "output width 1 is outside", cat(new String[] {"generate", Q}, new String[] {"--scheme", "floor", "--acc-bits",
        "32", "--out-bits", "1", "--runtime-shift"}, "--out", "{OUT}")));
    c.add(c("9 pipeline stages", 1, "pipeline 9 is outside", cat(new String[] {"generate", Q}, sr, "--shift", "3", "--pipeline", "9", "--out",
        "{OUT}")));
    c.add(c("M0 out of range", 1, "M0 5 is out of range", "generate", Q, "--scheme", "tflite-double", "--acc-bits", "32", "--out-bits", "8",
        "--m0", "5", "--out", "{OUT}"));
    c.add(c("TFLite shift 40", 1, "shift 40 is outside -31..30", "generate", Q, "--scheme", "tflite-single", "--acc-bits", "32", "--out-bits",
        "8", "--shift", "40", "--out", "{OUT}"));
    c.add(c("float scale that wraps", 1, "only saturating outputs", "generate", Q, "--scheme", "fp32-scale", "--acc-bits", "32", "--out-bits",
        "8", "--wrap", "--out", "{OUT}"));
    c.add(c("NaN float scale", 1, "is not finite", "generate", Q, "--scheme", "fp32-scale", "--acc-bits", "32", "--out-bits", "8", "--scale",
        "NaN", "--out", "{OUT}"));
    c.add(c("dyadic without m", 1, "dyadic needs --m-bits", "generate", Q, "--scheme", "dyadic", "--acc-bits", "32", "--out-bits", "8", "--out",
        "{OUT}"));
    c.add(c("dyadic m 0", 1, "m = 0 is outside 1..31", "generate", Q, "--scheme", "dyadic", "--m-bits", "0", "--acc-bits", "32", "--out-bits",
        "8", "--out", "{OUT}"));
    c.add(c("dyadic multiplier too wide", 1, "multiplier 300 does not fit 8", "generate", Q, "--scheme", "dyadic", "--m-bits", "8",
        "--multiplier", "300", "--acc-bits", "32", "--out-bits", "8", "--out", "{OUT}"));
    c.add(c("dyadic scale needs a left shift", 1, "needs a left shift", "generate", Q, "--scheme", "dyadic", "--m-bits", "2", "--real-scale",
        "5", "--acc-bits", "32", "--out-bits", "8", "--out", "{OUT}"));
    c.add(c("a shift that is no number", 2, "Invalid value", cat(new String[] {"generate", Q}, sr, "--shift", "abc", "--out", "{OUT}")));
    c.add(c("quantizer into a file", 1, "is a file, not a folder", cat(new String[] {"generate", Q}, sr, "--shift", "3", "--out", "{D}/a-file")));
    c.add(c("real scale zero", 1, "is not a positive finite number", cat(new String[] {"generate", Q}, sr, "--real-scale", "0", "--out", "{OUT}")));
    c.add(c("real scale negative", 1, "is not a", "generate", Q, "--scheme", "tflite-double", "--acc-bits", "32", "--out-bits", "8",
        "--real-scale", "-0.5", "--out", "{OUT}"));
    // generate mac-array
    c.add(c("65 rows", 1, "rows 65 are outside 1..64", "generate", "mac-array", "--rows", "65", "--cols", "8", "--k", "16", "--out", "{OUT}"));
    c.add(c("conventional without epilogue", 1, "--conventional needs an --epilogue", "generate", "mac-array", "--rows", "2", "--cols", "2",
        "--k", "16", "--conventional", "--out", "{OUT}"));
    c.add(c("accumulator too narrow", 1, "cannot hold a 16-term dot product", "generate", "mac-array", "--rows", "2", "--cols", "2", "--k",
        "16", "--acc-bits", "10", "--out", "{OUT}"));
    c.add(c("unknown array form", 1, "unknown MAC array form 'diagonal'", "generate", "mac-array", "--rows", "2", "--cols", "2", "--k", "16",
        "--form", "diagonal", "--out", "{OUT}"));
    c.add(c("systolic lanes", 1, "a systolic array has one lane per PE", "generate", "mac-array", "--rows", "2", "--cols", "2", "--k", "16",
        "--lanes", "2", "--out", "{OUT}"));
    c.add(c("epilogue option without epilogue", 1, "describes a requantizer, but no --scheme", "generate", "mac-array", "--rows", "2",
        "--cols", "2", "--k", "16", "--shift", "3", "--out", "{OUT}"));
    // generate spec / defaults
    c.add(c("spec file missing", 1, "no such spec file", "generate", "spec", "{D}/absent.json", "--out", "{OUT}"));
    c.add(c("spec file not JSON", 1, "cannot read spec file", "generate", "spec", "{D}/spec-notjson.json", "--out", "{OUT}"));
    c.add(c("spec file unknown field", 1, "unknown field 'colour'", "generate", "spec", "{D}/spec-field.json", "--out", "{OUT}"));
    c.add(c("spec file unknown scheme", 1, "unknown scheme 'magic'", "generate", "spec", "{D}/spec-scheme.json", "--out", "{OUT}"));
    c.add(c("spec file out of range", 1, "accumulator width 99", "generate", "spec", "{D}/spec-range.json", "--out", "{OUT}"));
    c.add(c("defaults into a file", 1, "is a file, not a folder", "generate", "defaults", "--out", "{D}/a-file"));
    c.add(c("generate nothing", 2, "say what to generate", "generate"));
    // cosim
    c.add(c("cosim, no manifest file", 1, "no such manifest", "cosim", "--manifest", "{D}/absent.json"));
    c.add(c("cosim, malformed manifest", 1, "malformed manifest", "cosim", "--manifest", "{D}/broken.json"));
    c.add(c("cosim, file outside the folder", 1, "lies outside the manifest's folder", "cosim", "--manifest", "{D}/good/escape.json"));
    c.add(c("cosim, keyword port", 1, "port name 'wire' is a Verilog", "cosim", "--manifest", "{D}/good/keyword.json"));
    c.add(c("cosim, unknown stimulus", 1, "unknown stimulus 'poisson'", "cosim", "--manifest", "{GOOD}", "--stimulus", "poisson:lambda=3"));
    c.add(c("cosim, products of no terms", 1, "k must be 1..2^20 terms, not 0", "cosim", "--manifest", "{GOOD}", "--stimulus", "products:k=0"));
    c.add(c("cosim, negative sigma", 1, "must be positive", "cosim", "--manifest", "{GOOD}", "--stimulus", "gaussian:sigma=-1"));
    c.add(c("cosim, all-zero activations", 1, "sparsity must be in [0, 1)", "cosim", "--manifest", "{GOOD}", "--stimulus",
        "products:sparsity=1"));
    c.add(c("cosim, no vectors", 1, "--vectors must be at least 1", "cosim", "--manifest", "{GOOD}", "--vectors", "0"));
    c.add(c("cosim, unknown simulator", 1, "unknown simulator 'xsim'", "cosim", "--manifest", "{GOOD}", "--sim", "xsim"));
    c.add(c("cosim, waveform from Icarus", 1, "--vcd needs --sim verilator", "cosim", "--manifest", "{GOOD}", "--sim", "icarus", "--vcd",
        "{OUT}/w.vcd"));
    c.add(c("cosim, negative npy shape", 1, "has a dimension '-3' that is not a size", "cosim", "--manifest", "{GOOD}", "--stimulus", "{D}/neg.npy"));
    c.add(c("cosim, huge npy dimension", 1, "that is not a size", "cosim", "--manifest", "{GOOD}", "--stimulus", "{D}/huge.npy"));
    c.add(c("cosim, empty npy", 1, "holds no values", "cosim", "--manifest", "{GOOD}", "--stimulus", "{D}/empty.npy"));
    c.add(c("cosim, npy header past the end", 1, "the .npy header claims", "cosim", "--manifest", "{GOOD}", "--stimulus", "{D}/headerlen.npy"));
    c.add(c("cosim, float npy", 1, "holds floating-point data", "cosim", "--manifest", "{GOOD}", "--stimulus", "{D}/float.npy"));
    c.add(c("cosim, Fortran npy", 1, "Fortran-ordered", "cosim", "--manifest", "{GOOD}", "--stimulus", "{D}/fortran.npy"));
    c.add(c("cosim, truncated npy", 1, "truncated data", "cosim", "--manifest", "{GOOD}", "--stimulus", "{D}/short.npy"));
    c.add(c("cosim, missing npy", 1, "does not exist or cannot be read", "cosim", "--manifest", "{GOOD}", "--stimulus", "{D}/absent.npy"));
    c.add(c("cosim, design without a golden model", 1, "no golden model", "cosim", "--manifest", "{D}/example/mac_cell_a8_w8_acc24.json"));
    c.add(c("cosim, no timeout", 1, "--timeout must be in 1..", "cosim", "--manifest", "{GOOD}", "--timeout", "0"));
    c.add(c("cosim quantizer, unknown scheme", 1, "unknown scheme 'nope'", "cosim", Q, "--scheme", "nope", "--acc-bits", "16", "--out-bits",
        "8"));
    c.add(c("cosim, no design", 2, "give --manifest FILE", "cosim"));
    // vectors
    c.add(c("vectors, no manifest file", 1, "no such manifest", "vectors", "--manifest", "{D}/absent.json", "--out", "{OUT}/v.json"));
    c.add(c("vectors, no --out", 2, "Missing required option", "vectors", "--manifest", "{GOOD}"));
    c.add(c("vectors, bad stimulus", 1, "unknown stimulus", "vectors", "--manifest", "{GOOD}", "--out", "{OUT}/v.json", "--stimulus", "pink"));
    // synth
    c.add(c("synth, no design", 2, "give --manifest FILE", "synth"));
    c.add(c("synth, no manifest file", 1, "no such manifest", "synth", "--manifest", "{D}/absent.json"));
    c.add(c("synth, unknown technology", 1, "unknown technology 'tsmc3'", "synth", "--manifest", "{GOOD}", "--tech", "tsmc3"));
    c.add(c("synth, missing Liberty file", 1, "does not exist", "synth", "--manifest", "{GOOD}", "--liberty", "{D}/absent.lib"));
    c.add(c("synth, not a Liberty file", 1, "Liberty", "synth", "--manifest", "{GOOD}", "--liberty", "{D}/garbage.lib"));
    c.add(c("synth, unknown time unit", 1, "time_unit 'fast' is not a unit", "synth", "--manifest", "{GOOD}", "--liberty", "{D}/badunit.lib"));
    c.add(c("synth, truncated gzip", 1, "cannot decompress", "synth", "--manifest", "{GOOD}", "--liberty", "{D}/truncated.lib.gz"));
    c.add(c("synth, tech and Liberty", 1, "--tech has no effect with --liberty", "synth", "--manifest", "{GOOD}", "--tech", "nangate45",
        "--liberty", "{D}/garbage.lib"));
    c.add(c("synth, no timeout", 1, "--timeout must be in 1..", "synth", "--manifest", "{GOOD}", "--timeout", "0"));
    c.add(c("synth, flat and hierarchical", 2, "mutually exclusive", "synth", "--manifest", "{GOOD}", "--flat", "--hier"));
    c.add(c("synth, file outside the folder", 1, "lies outside the manifest's folder", "synth", "--manifest", "{D}/good/escape.json"));
    c.add(c("synth quantizer without a shift", 1, "needs --shift K", "synth", Q, "--scheme", "floor", "--acc-bits", "16", "--out-bits", "8"));
    // estimate
    c.add(c("fast estimate without a scheme", 1, "--fast needs --scheme", "estimate", "--fast", "--acc-bits", "32", "--out-bits", "8"));
    c.add(c("fast estimate far outside", 1, "outside the fast model's domain", "estimate", "--fast", "--scheme", "tflite-double", "--acc-bits",
        "1000", "--out-bits", "8"));
    c.add(c("fast estimate 8 -> 16", 1, "outside the fast model's domain", "estimate", "--fast", "--scheme", "shift-round", "--acc-bits", "8",
        "--out-bits", "16"));
    c.add(c("fast estimate 0 bits", 1, "outside the fast model's domain", "estimate", "--fast", "--scheme", "shift-round", "--acc-bits", "0",
        "--out-bits", "4"));
    c.add(c("fast estimate unknown scheme", 1, "unknown scheme 'magic'", "estimate", "--fast", "--scheme", "magic", "--acc-bits", "32",
        "--out-bits", "8"));
    c.add(c("fast estimate with a library", 1, "--tech has no effect with --fast", "estimate", "--fast", "--scheme", "floor", "--acc-bits",
        "32", "--out-bits", "8", "--tech", "nangate45"));
    c.add(c("scheme without --fast", 1, "--scheme is used only with --fast", "estimate", "--manifest", "{GOOD}", "--scheme", "floor"));
    c.add(c("estimate, too few ops", 1, "--ops must be between 100", "estimate", "--manifest", "{GOOD}", "--ops", "5"));
    c.add(c("estimate, more delay ops than ops", 1, "--delay-ops must be between 250 (10 per batch) and --ops (1000), not 5000", "estimate",
        "--manifest", "{GOOD}", "--ops", "1000", "--delay-ops", "5000"));
    c.add(c("estimate, delay ops below 10 per batch", 1, "--delay-ops must be between", "estimate", "--manifest", "{GOOD}", "--ops",
        "1000", "--delay-ops", "0"));
    c.add(c("estimate, negative delay ops", 1, "--delay-ops must be between", "estimate", "--manifest", "{GOOD}", "--delay-ops", "-3"));
    c.add(c("fast estimate with delay ops", 1, "--delay-ops", "estimate", "--fast", "--scheme", "floor", "--acc-bits", "32", "--out-bits",
        "8", "--delay-ops", "100"));
    c.add(c("estimate, negative clock", 1, "the clock period must be a positive number", "estimate", "--manifest", "{GOOD}", "--clock-ns", "-1"));
    c.add(c("estimate, no parameter period", 1, "parameter period must be at least 1", "estimate", "--manifest", "{GOOD}", "--param-period", "0"));
    c.add(c("estimate, zero Laplace scale", 1, "must be positive", "estimate", "--manifest", "{GOOD}", "--stimulus", "laplace:b=0"));
    c.add(c("estimate, no design", 2, "give --manifest FILE, --fast", "estimate"));
    // compare
    c.add(c("compare, unknown scheme", 1, "unknown scheme 'magic'", "compare", "--schemes", "shift-round,magic", "--out", "{OUT}"));
    c.add(c("compare, 1-bit output", 1, "output width 1 is out of range", "compare", "--out-bits", "1", "--out", "{OUT}"));
    c.add(c("compare, 70-bit accumulator", 1, "accumulator width 70 is out of range", "compare", "--acc-bits", "70", "--out", "{OUT}"));
    c.add(c("compare, 9 pipeline stages", 1, "pipeline stages must be 0..8", "compare", "--pipeline", "9", "--out", "{OUT}"));
    c.add(c("compare into a file", 1, "is a file, not a folder", "compare", "--schemes", "floor", "--out", "{D}/a-file"));
    c.add(c("compare, a scheme twice", 1, "scheme 'floor' is named twice", "compare", "--schemes", "floor,floor", "--out", "{OUT}"));
    c.add(c("compare, too few ops", 1, "--ops must be between 100", "compare", "--ops", "5", "--out", "{OUT}"));
    c.add(c("compare, no timeout", 1, "--timeout must be at least 1", "compare", "--timeout", "0", "--out", "{OUT}"));
    c.add(c("compare, tech and Liberty", 1, "--tech has no effect with --liberty", "compare", "--tech", "nangate45", "--liberty",
        "{D}/garbage.lib", "--out", "{OUT}"));
    c.add(c("compare, stimulus parameter of another", 1, "stimulus uniform has no parameter 'k'", "compare", "--stimulus", "uniform:k=3", "--out",
        "{OUT}"));
    c.add(c("compare, dyadic m 32", 1, "m = 32", "compare", "--schemes", "dyadic:m=32", "--out", "{OUT}"));
    c.add(c("compare, an empty range", 1, "range 9..3", "compare", "--schemes", "dyadic:m=9..3", "--out", "{OUT}"));
    // tech, lint, bench, cache, doctor
    c.add(c("tech import, missing file", 1, "no such Liberty file", "tech", "import", "{D}/absent.lib", "--out", "{OUT}/x.lib"));
    c.add(c("tech import, not Liberty", 1, "Liberty syntax error", "tech", "import", "{D}/garbage.lib", "--out", "{OUT}/x.lib"));
    c.add(c("tech import, bad unit", 1, "time_unit 'fast'", "tech", "import", "{D}/badunit.lib", "--out", "{OUT}/x.lib"));
    c.add(c("tech, nothing to do", 2, "say what to do", "tech"));
    c.add(c("lint, missing manifest", 1, "no such manifest or folder", "lint", "{D}/absent.json"));
    c.add(c("lint, malformed manifest", 1, "malformed manifest", "lint", "{D}/broken.json"));
    c.add(c("lint, file outside the folder", 1, "lies outside the manifest's folder", "lint", "{D}/good/escape.json"));
    c.add(c("bench, negative nodes", 1, "--nodes must be in 1..", "bench", "generate", "--nodes", "-5"));
    c.add(c("bench, nodes with --unified", 1, "--nodes has no effect with --unified", "bench", "generate", "--unified", "--nodes", "10"));
    c.add(c("bench, array of 100", 1, "--size must be in 1..64", "bench", "generate", "--unified", "--size", "100"));
    c.add(c("bench, no rounds", 1, "--rounds must be in 1..", "bench", "golden", "--rounds", "0"));
    c.add(c("bench, no vectors", 1, "--vectors must be in 1..", "bench", "cosim", "--vectors", "0"));
    c.add(c("cache, bad duration", 1, "is not a duration like", "cache", "clean", "--older-than", "3x"));
    c.add(c("cache, nothing to do", 2, "say what to do", "cache"));
    c.add(c("doctor, an option", 2, "Unknown option", "doctor", "--verbose"));
    c.add(c("no command", 2, "missing command", new String[0]));
    c.add(c("unknown command", 2, "Unmatched argument", "frobnicate"));
    return c;
  }

  private static String[] cat(String[] a, String[] b, String... c) {
    return Stream.of(a, b, c).flatMap(Arrays::stream).toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsOneLineAndLeavesNothingBehind(Case bad) throws IOException {
    Path out = dir.resolve("out-" + Integer.toHexString(bad.name().hashCode()));
    List<String> args = new ArrayList<>();
    for (String a : bad.args()) {
      args.add(a.replace("{OUT}", out.toString()).replace("{D}", dir.toString()).replace("{GOOD}", good.toString()));
    }
    Object[] r = CliTest.run(args.toArray(new String[0]));
    String err = (String) r[2];
    assertEquals(bad.exit(), r[0], bad + ": exit code; stderr: " + err + "stdout: " + r[1]);
    assertTrue(err.startsWith("qrtl: ") && err.lines().findFirst().orElse("").contains(bad.message()), bad + ": " + err);
    assertTrue(err.lines().count() <= 3, bad + ": at most three lines: " + err);
    if (Files.exists(out)) {
      try (Stream<Path> s = Files.walk(out)) {
        List<Path> left = s.filter(Files::isRegularFile).toList();
        assertEquals(List.of(), left, bad + ": nothing is written");
      }
    }
  }

  @Test
  void aNormalRunOfEachSubcommandStillSucceeds() throws IOException {
    Path out = dir.resolve("normal");
    String o = out.toString();
    String[][] runs = {
      {"generate", Q, "--scheme", "dyadic", "--m-bits", "6", "--acc-bits", "16", "--out-bits", "8", "--out", o},
      {"generate", "mac-array", "--rows", "2", "--cols", "2", "--k", "8", "--epilogue", "floor", "--out-bits", "8", "--runtime-shift", "--out", o},
      {"generate", "defaults", "--out", out.resolve("defaults").toString()},
      {"cosim", "--manifest", good.toString(), "--vectors", "2000"},
      {"vectors", "--manifest", good.toString(), "--out", out.resolve("v.json").toString(), "--vectors", "100"},
      {"synth", "--manifest", good.toString()},
      {"estimate", "--manifest", good.toString(), "--ops", "200"},
      {"estimate", "--fast", "--scheme", "tflite-double", "--acc-bits", "32", "--out-bits", "8"},
      {"compare", "--schemes", "floor", "--out-bits", "4", "--ops", "200", "--no-network", "--no-progress", "--out", out.resolve("cmp").toString()},
      {"tech", "list"},
      {"lint", good.toString()},
      {"bench", "generate", "--nodes", "2000", "--repeat", "1"},
      {"cache", "info"},
    };
    for (String[] a : runs) {
      Object[] r = CliTest.run(a);
      assertEquals(0, r[0], String.join(" ", a) + ": " + r[2]);
    }
    assertTrue(Files.exists(out.resolve("cmp/qrtl_default45/comparison.json")));
    try (Stream<Path> s = Files.list(out.resolve("cmp"))) {
      assertEquals(List.of("index.html", "qrtl_default45"), s.map(p -> p.getFileName().toString()).sorted().toList(), "the report index and the results, no lock or scratch left");
    }
    System.out.println("battery: " + cases().size() + " bad command lines refused in one line; " + runs.length + " normal runs succeed");
  }

  static OutputStream sink() {
    return OutputStream.nullOutputStream();
  }
}
