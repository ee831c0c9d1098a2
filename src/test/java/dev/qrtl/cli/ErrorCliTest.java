package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qrtl error}: a normal run, per-channel scales in three formats, determinism, and one line and exit 1 for each bad input. */
class ErrorCliTest {
  @TempDir Path dir;

  private static void fails(String expected, String... args) {
    Object[] r = CliTest.run(args);
    String err = ((String) r[2]).strip();
    assertEquals(1, r[0], String.join(" ", args) + "\n" + err);
    assertEquals(1, err.lines().count(), "one line: " + err);
    assertTrue(err.startsWith("qrtl: ") && err.contains(expected), "'" + err + "' should name " + expected);
  }

  @Test
  void reportsEverySchemeInEveryView() throws IOException {
    Object[] r = CliTest.run("error", "--samples", "20000", "--octave-points", "8", "--json");
    assertEquals(0, r[0], (String) r[2]);
    JsonNode root = new ObjectMapper().readTree((String) r[1]);
    assertEquals("qrtl-accuracy-1", root.get("format").asText());
    JsonNode rows = root.get("tables").get(0).get("rows");
    int forms = dev.qrtl.scheme.Schemes.defaultForms().size();
    assertEquals(forms * 4, rows.size(), forms + " default forms x 4 views");
    for (JsonNode row : rows) {
      JsonNode m = row.get("metrics");
      long expected = row.get("view").asText().equals("octave mean") ? 8 * 20000 : 20000; // the mean pools the 8 scales
      assertEquals(expected, m.get("samples").asLong(), row.toString());
      assertTrue(m.get("rmsCi").get("low").asDouble() <= m.get("rms").asDouble() && m.get("rms").asDouble() <= m.get("rmsCi").get("high").asDouble());
    }
    Object[] again = CliTest.run("error", "--samples", "20000", "--octave-points", "8", "--json");
    assertEquals(r[1], again[1], "the same inputs give byte-identical reports");
  }

  @Test
  void committedAccuracyTableReproduces() throws IOException {
    Object[] r = CliTest.run("error", "--out-bits", "4,8");
    assertEquals(0, r[0], (String) r[2]);
    assertEquals(Files.readString(Path.of("docs/results/accuracy/error-32.md")), r[1],
        "docs/results/accuracy/error-32.md is what qrtl error --out-bits 4,8 prints; regenerate it on purpose");
  }

  @Test
  void perChannelScalesFromJsonCsvAndNpyAgree() throws IOException {
    Path json = Files.writeString(dir.resolve("s.json"), "[0.004, 0.0031, 0.0052]");
    Path csv = Files.writeString(dir.resolve("s.csv"), "scale\n0.004\n0.0031\n0.0052\n");
    ByteBuffer b = ByteBuffer.allocate(3 * 8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.004).putDouble(0.0031).putDouble(0.0052);
    Path npy = dir.resolve("s.npy");
    Files.write(npy, npy("<f8", "(3,)", b.array()));
    String first = null;
    for (Path p : List.of(json, csv, npy)) {
      Object[] r = CliTest.run("error", "--schemes", "shift-round,tflite-double", "--samples", "6000", "--scales", p.toString(), "--channels", "3");
      assertEquals(0, r[0], (String) r[2]);
      String out = (String) r[1];
      assertTrue(out.contains("| per-channel |") && out.contains("| worst channel |") && out.contains("trained 2^-k per-channel"), out);
      first = first == null ? out : first;
      assertEquals(first, out, p + " gives the same table");
    }
  }

  static byte[] npy(String descr, String shape, byte[] data) {
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int pad = 16 - (10 + header.length() + 1) % 16;
    header = header + " ".repeat(pad % 16) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
    return b.array();
  }

  @Test
  void badScalesAndFilesGetOneLineAndExitOne() throws IOException {
    fails("scale 0.0 ", "error", "--scale", "0");
    fails("scale -0.5 ", "error", "--scale", "-0.5");
    fails("scale NaN ", "error", "--scale", "NaN");
    fails("scale Infinity ", "error", "--scale", "Infinity");
    fails("scale 1.0E10 makes the tflite-double multiplier overflow", "error", "--schemes", "tflite-double", "--scale", "1e10");
    fails("scale 3.0 needs a left shift", "error", "--schemes", "shift-round", "--scale", "3");
    fails("--scale has no effect with --scales", "error", "--scale", "0.1", "--scales", "x.json");
    fails("k rule 'middle'", "error", "--k-rule", "middle");
    Path broken = Files.writeString(dir.resolve("broken.json"), "[0.1, 0.2");
    fails("broken.json is not valid JSON", "error", "--scales", broken.toString());
    Path object = Files.writeString(dir.resolve("object.json"), "{\"scale\": 0.1}");
    fails("must hold a JSON array of numbers", "error", "--scales", object.toString());
    Path text = Files.writeString(dir.resolve("text.json"), "[0.1, \"big\"]");
    fails("channel 1: \"big\" is not a number", "error", "--scales", text.toString());
    Path negative = Files.writeString(dir.resolve("negative.csv"), "0.1\n-0.2\n");
    fails("channel 1: scale -0.2 is not a positive finite number", "error", "--scales", negative.toString());
    Path words = Files.writeString(dir.resolve("words.csv"), "0.1\nabc\n");
    fails("line 2: 'abc' is not a number", "error", "--scales", words.toString());
    Path three = Files.writeString(dir.resolve("three.json"), "[0.1, 0.2, 0.3]");
    fails("holds 3 scales, but --channels is 4", "error", "--scales", three.toString(), "--channels", "4");
    Path ints = dir.resolve("ints.npy");
    Files.write(ints, npy("<i4", "(1,)", new byte[] {1, 0, 0, 0}));
    fails("float32 or float64 expected", "error", "--scales", ints.toString());
    fails("missing.json does not exist", "error", "--scales", dir.resolve("missing.json").toString());
    fails("--zero-point 300 is outside", "error", "--zero-point", "300");
    fails("--samples must be at least 2", "error", "--samples", "1");
  }
}
