package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerateQuantizerCliTest {
  @TempDir Path dir;

  private Manifest generate(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "generate";
    all[1] = "quantizer";
    System.arraycopy(args, 0, all, 2, args.length);
    all[all.length - 2] = "--out";
    all[all.length - 1] = dir.toString();
    Object[] r = CliTest.run(all);
    assertEquals(0, r[0], (String) r[2]);
    String line = ((String) r[1]).trim();
    Path manifest = Path.of(line.substring("wrote ".length(), line.indexOf(".json") + 5));
    assertTrue(Files.exists(manifest));
    return ManifestIo.read(manifest);
  }

  @Test
  void everySchemeFromTheCommandLine() {
    assertEquals("requant_shift_round_a32_q8s_half_up_k8",
        generate("--scheme", "shift-round", "--acc-bits", "32", "--out-bits", "8", "--rounding", "half-up", "--shift", "8").top());
    Manifest rt = generate("--scheme", "shift-round", "--acc-bits", "32", "--out-bits", "8", "--runtime-shift", "--bias", "--relu", "--pipeline", "1");
    assertEquals(1, rt.latency());
    assertEquals("clk", rt.clock());
    assertEquals(java.util.List.of("clk", "acc", "bias", "shift", "q"), rt.ports().stream().map(p -> p.name()).toList());
    assertEquals("requant_floor_a16_q4u_krt",
        generate("--scheme", "floor", "--acc-bits", "16", "--out-bits", "4", "--unsigned", "--runtime-shift").top());
    assertTrue(generate("--scheme", "tflite-double", "--acc-bits", "32", "--out-bits", "8").spec().get("m0").isNull(), "a run-time M0");
    assertEquals(-3, generate("--scheme", "tflite-single", "--acc-bits", "32", "--out-bits", "8", "--m0", "1073741824", "--shift", "-3")
        .spec().get("shift").asInt());
    assertTrue(generate("--scheme", "fp32-scale", "--acc-bits", "32", "--out-bits", "8").spec().get("scale").isNull(), "a run-time scale");
    assertEquals(17, generate("--scheme", "threshold", "--acc-bits", "32", "--out-bits", "4").ports().size()); // acc, 15 thr, q
  }

  @Test
  void realScalesBecomeConstants() {
    // 1/300: log2 300 = 8.23 -> k = 8; QuantizeMultiplier(1/300): 1/300 = 0.853333 * 2^-8, M0 = round(0.853333 * 2^31) = 1832519380
    assertEquals(8, generate("--scheme", "shift-round", "--acc-bits", "32", "--out-bits", "8", "--real-scale", "0.0033333333333333335")
        .spec().get("shift").asInt());
    Manifest tf = generate("--scheme", "tflite-double", "--acc-bits", "32", "--out-bits", "8", "--real-scale", "0.0033333333333333335", "--zero-point", "0");
    assertEquals(1832519380, tf.spec().get("m0").asInt());
    assertEquals(-8, tf.spec().get("shift").asInt());
    Manifest ch = generate("--scheme", "shift-round", "--acc-bits", "32", "--out-bits", "8", "--channel-scales", "0.5,0.25,0.001");
    assertEquals("[1,2,10]", ch.spec().get("channelShifts").toString());
    assertTrue(ch.ports().stream().anyMatch(p -> p.name().equals("channel") && p.width() == 2));
    Manifest derived = generate("--scheme", "threshold", "--acc-bits", "12", "--out-bits", "2", "--derive-thresholds", "--shift", "2");
    assertEquals("[-6,-2,2]", derived.spec().get("thresholds").toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--scheme nope --acc-bits 32 --out-bits 8 | unknown scheme 'nope'",
    "--scheme shift-round --acc-bits 32 --out-bits 8 --shift 32 | shift 32 is outside 0..31",
    "--scheme shift-round --acc-bits 8 --out-bits 9 --shift 1 | output width 9 is wider than the accumulator",
    "--scheme shift-round --acc-bits 65 --out-bits 8 --shift 1 | accumulator width 65 is outside 2..64",
    "--scheme shift-round --acc-bits 32 --out-bits 17 --shift 1 | output width 17 is outside 2..16",
    "--scheme tflite-double --acc-bits 32 --out-bits 8 --m0 5 | M0 5 is out of range",
    "--scheme tflite-double --acc-bits 40 --out-bits 8 | over 32 bits",
    "--scheme tflite-single --acc-bits 32 --out-bits 8 --shift 31 | shift 31 is outside -31..30",
    "--scheme fp32-scale --acc-bits 32 --out-bits 8 --wrap | only saturating outputs",
    "--scheme threshold --acc-bits 32 --out-bits 2 --thresholds 3,2,1 | thresholds must ascend",
    "--scheme threshold --acc-bits 32 --out-bits 2 --thresholds 1,2 | needs 3 thresholds, not 2",
    "--scheme shift-round --acc-bits 32 --out-bits 8 --rounding up | unknown rounding 'up'",
    "--scheme floor --acc-bits 32 --out-bits 8 --runtime-shift --rounding half-even | --rounding is not an option of floor",
    "--scheme shift-round --acc-bits 32 --out-bits 8 --shift 3 --zero-point 5 | --zero-point is not an option of shift-round",
    "--scheme threshold --acc-bits 16 --out-bits 2 --bias | --bias is not an option of threshold",
    "--scheme shift-round --acc-bits 32 --out-bits 8 --shift 4 --channel-shifts 1,2 | not both",
    "--scheme shift-round --acc-bits 32 --out-bits 8 --shift 4 --runtime-shift | give --shift or --runtime-shift, not both",
    "--scheme shift-round --acc-bits 32 --out-bits 8 | needs --shift K",
    "--scheme threshold --acc-bits 16 --out-bits 2 --thresholds 1,2,3 --derive-thresholds --shift 2 | give --thresholds or --derive-thresholds, not both",
    "--scheme threshold --acc-bits 16 --out-bits 2 --shift 2 | --shift is used only with --derive-thresholds",
    "--scheme tflite-double --acc-bits 32 --out-bits 8 --real-scale 0.01 --m0 1073741824 | give --real-scale or --m0, not both",
    "--scheme fp32-scale --acc-bits 32 --out-bits 8 --scale 0.5 --real-scale 0.25 | give --scale or --real-scale, not both",
  })
  void invalidCombinationsAreRejectedWithOneLine(String args, String expected) {
    String[] split = ("generate quantizer " + args + " --out " + dir).split(" ");
    Object[] r = CliTest.run(split);
    assertEquals(1, r[0]);
    String err = (String) r[2];
    assertTrue(err.startsWith("qrtl: ") && err.contains(expected), err);
    assertEquals(1, err.lines().count(), err);
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "nothing is written for a rejected design");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
