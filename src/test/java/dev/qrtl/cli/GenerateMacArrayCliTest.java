package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMacArrayCliTest {
  @TempDir Path dir;

  private Manifest run(String... args) throws Exception {
    String[] all = new String[args.length + 4];
    all[0] = "generate";
    all[1] = "mac-array";
    System.arraycopy(args, 0, all, 2, args.length);
    all[all.length - 2] = "--out";
    all[all.length - 1] = dir.toString();
    Object[] r = CliTest.run(all);
    assertEquals(0, r[0], (String) r[2]);
    String line = ((String) r[1]).trim();
    return ManifestIo.read(Path.of(line.substring("wrote ".length(), line.indexOf(".json") + 5)));
  }

  @Test
  void arrayUnifiedAndConventional() throws Exception {
    Manifest arr = run("--rows", "8", "--cols", "8", "--a-bits", "8", "--w-bits", "8", "--k", "256", "--form", "systolic");
    assertEquals("mac-array", arr.kind());
    assertEquals(256 + 14, arr.latency());
    assertEquals(2, arr.format());
    assertEquals(256, arr.spec().get("k").asInt(), "the typed spec: " + arr.spec());
    assertTrue(Files.readString(dir.resolve(arr.top() + ".v")).contains("for t in 0..K-1"), "the protocol is in the header");
    Manifest uni = run("--rows", "8", "--cols", "8", "--k", "256", "--epilogue", "shift-round", "--out-bits", "8",
        "--runtime-shift", "--bias", "--relu");
    assertEquals("unified", uni.kind());
    assertEquals("shift-round", uni.spec().get("epilogue").get("scheme").asText(), "the epilogue's typed spec: " + uni.spec());
    assertTrue(uni.spec().get("epilogue").get("out").get("relu").asBoolean());
    assertTrue(uni.ports().stream().anyMatch(p -> p.name().equals("shift_7")));
    assertTrue(uni.ports().stream().anyMatch(p -> p.name().equals("q_7_7") && p.width() == 8));
    Manifest conv = run("--rows", "2", "--cols", "2", "--k", "16", "--epilogue", "tflite-double", "--out-bits", "8", "--conventional");
    assertEquals("tflite-double", conv.spec().get("convRequant").get("scheme").asText());
    assertEquals("tflite-double", conv.spec().get("bnRequant").get("scheme").asText());
    assertTrue(conv.top().length() <= 80, conv.top());
    assertTrue(Files.exists(dir.resolve(conv.top() + ".v")));
  }

  @Test
  void badArraysAreOneLine() {
    Object[] r = CliTest.run("generate", "mac-array", "--rows", "65", "--cols", "8", "--k", "16", "--out", dir.toString());
    assertEquals(1, r[0]);
    assertEquals("qrtl: mac-array: rows 65 are outside 1..64\n", r[2]);
    r = CliTest.run("generate", "mac-array", "--rows", "8", "--cols", "8", "--k", "256", "--acc-bits", "20", "--out", dir.toString());
    assertTrue(((String) r[2]).contains("it needs 24..64 bits"), (String) r[2]);
    r = CliTest.run("generate", "mac-array", "--rows", "8", "--cols", "8", "--k", "256", "--epilogue", "tflite-double",
        "--out-bits", "8", "--a-bits", "16", "--w-bits", "16", "--out", dir.toString());
    assertTrue(((String) r[2]).contains("over 32 bits"), (String) r[2]);
  }
}
