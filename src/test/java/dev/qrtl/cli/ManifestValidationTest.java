package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qrtl.manifest.ManifestIo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A manifest from someone else cannot reach a tool with a bad name or path: illegal identifiers,
 * keywords, shell metacharacters, {@code ..}, absolute paths, a symbolic link out of the folder,
 * unknown fields and out-of-range widths are each one line naming the problem, exit 1, before any
 * tool starts. The tools on PATH are stand-ins that leave a mark if they are ever run; each case
 * runs a real qrtl process with them (rotating synth, cosim, lint, estimate and vectors).
 */
class ManifestValidationTest {
  @TempDir static Path dir;
  static Path base;
  static Path bin;
  static Path mark;

  @BeforeAll
  static void setUp() throws Exception {
    Object[] r = CliTest.run("generate", "quantizer", "--scheme", "shift-round", "--acc-bits", "16", "--out-bits", "8", "--runtime-shift",
        "--out", dir.resolve("good").toString());
    assertEquals(0, r[0], (String) r[2]);
    base = dir.resolve("good/requant_shift_round_a16_q8s_half_up_krt.json");
    bin = Files.createDirectories(dir.resolve("bin"));
    mark = dir.resolve("a-tool-ran");
    for (String tool : new String[] {"yosys", "verilator", "iverilog", "vvp", "sta", "node"}) {
      Path t = bin.resolve(tool);
      Files.writeString(t, "#!/bin/sh\ntouch '" + mark + "'\nexit 0\n");
      Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  record Case(String name, BiConsumer<ObjectNode, Path> mutate, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("shell metacharacters in top", (j, d) -> j.put("top", "T; exec -- touch M"), "top module name 'T; exec -- touch M' is not a simple Verilog identifier"));
    c.add(new Case("keyword top", (j, d) -> j.put("top", "module"), "top module name 'module' is a Verilog or SystemVerilog keyword"));
    c.add(new Case("SystemVerilog keyword top", (j, d) -> j.put("top", "logic"), "is a Verilog or SystemVerilog keyword"));
    c.add(new Case("dollar in top", (j, d) -> j.put("top", "a$b"), "'a$b' is not a simple Verilog identifier"));
    c.add(new Case("leading digit", (j, d) -> j.put("top", "9lives"), "is not a simple Verilog identifier"));
    c.add(new Case("newline in top", (j, d) -> j.put("top", "a\nb"), "is not a simple Verilog identifier"));
    c.add(new Case("port with a dash", (j, d) -> ((ObjectNode) j.get("ports").get(0)).put("name", "acc-in"), "port name 'acc-in' is not a simple"));
    c.add(new Case("keyword port", (j, d) -> ((ObjectNode) j.get("ports").get(0)).put("name", "reg"), "port name 'reg' is a Verilog"));
    c.add(new Case("duplicate port", (j, d) -> ((ObjectNode) j.get("ports").get(1)).put("name", "acc"), "lists port 'acc' twice"));
    c.add(new Case("parent folder", (j, d) -> j.putArray("files").add("../x.v"), "file '../x.v' lies outside the manifest's folder"));
    c.add(new Case("nested parent folder", (j, d) -> j.putArray("files").add("a/../../x.v"), "lies outside the manifest's folder"));
    c.add(new Case("absolute path", (j, d) -> j.putArray("files").add("/etc/passwd.v"), "file '/etc/passwd.v' is an absolute path"));
    c.add(new Case("not Verilog", (j, d) -> j.putArray("files").add("notes.txt"), "file 'notes.txt' is not a Verilog file"));
    c.add(new Case("file named by a keyword", (j, d) -> j.putArray("files").add("wire.v"), "module name 'wire' is a Verilog"));
    c.add(new Case("symbolic link out of the folder", (j, d) -> {
      try {
        Files.writeString(d.getParent().resolve("outside.v"), "module outside; endmodule\n");
        Files.createSymbolicLink(d.resolve("linked.v"), d.getParent().resolve("outside.v"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      j.putArray("files").add("linked.v");
    }, "lists linked.v, which leads outside its folder"));
    c.add(new Case("missing file", (j, d) -> j.putArray("files").add("absent.v"), "lists absent.v, which does not exist"));
    c.add(new Case("unknown field", (j, d) -> j.put("colour", "blue"), "unknown field 'colour'"));
    c.add(new Case("unknown field in a port", (j, d) -> ((ObjectNode) j.get("ports").get(0)).put("colour", "blue"), "unknown field 'colour'"));
    c.add(new Case("unknown field in the spec", (j, d) -> ((ObjectNode) j.get("spec")).put("colour", "blue"), "unknown field 'colour' in its spec"));
    c.add(new Case("huge width", (j, d) -> ((ObjectNode) j.get("ports").get(0)).put("width", 5000), "port 'acc' has width 5000, over 4096"));
    c.add(new Case("zero width", (j, d) -> ((ObjectNode) j.get("ports").get(0)).put("width", 0), "port 'acc' has width 0"));
    c.add(new Case("negative latency", (j, d) -> j.put("latency", -1), "has latency -1"));
    c.add(new Case("huge latency", (j, d) -> j.put("latency", 1 << 30), "has latency 1073741824"));
    c.add(new Case("clock that is no port", (j, d) -> j.put("clock", "clk"), "its clock 'clk' is not one of its ports"));
    c.add(new Case("format from the future", (j, d) -> j.put("format", 3), "manifest format 3 is not supported"));
    c.add(new Case("spec out of range", (j, d) -> ((ObjectNode) j.get("spec")).put("accBits", 99), "accumulator width 99 is outside 2..64"));
    c.add(new Case("not JSON", null, "malformed manifest"));
    return c;
  }

  /** Commands that hand a manifest's Verilog to a tool (vectors needs no Verilog, so it cannot notice a bad file). */
  private static final String[][] COMMANDS = {{"synth", "--manifest"}, {"cosim", "--manifest"}, {"lint"}, {"estimate", "--manifest"}};

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedInOneLineBeforeAnyTool(Case c) throws Exception {
    Path d = Files.createDirectories(dir.resolve("case-" + Math.abs(c.name().hashCode())));
    Files.copy(base.getParent().resolve("requant_shift_round_a16_q8s_half_up_krt.v"), d.resolve("requant_shift_round_a16_q8s_half_up_krt.v"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(mark);
    Path m = d.resolve("m.json");
    if (c.mutate() == null) {
      Files.writeString(m, "{\"format\": 2, \"top\": ");
    } else {
      ObjectNode j = (ObjectNode) ManifestIo.mapper().readTree(Files.readString(base));
      c.mutate().accept(j, d);
      Files.writeString(m, ManifestIo.mapper().writeValueAsString(j));
    }
    String[] command = COMMANDS[Math.abs(c.name().hashCode()) % COMMANDS.length];
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "dev.qrtl.cli.Main"));
    for (String a : command) {
      cmd.add(a);
    }
    cmd.add(m.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    int code = p.waitFor();
    assertEquals(1, code, c + " (" + command[0] + "): " + out + err);
    assertTrue(err.startsWith("qrtl: ") && err.contains(c.expected()), c + " (" + command[0] + "): " + err);
    assertEquals(1, err.lines().count(), "one line: " + err);
    assertFalse(Files.exists(mark), c + ": a tool was started");
  }
}
