package dev.qrtl.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.gen.mac.MacArrayGenerator;
import dev.qrtl.gen.mac.PeGenerator;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.testing.Golden;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.verilog.VerilogEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * qrtl's MAC processing element and 8x8 systolic array are as lean as a plain behavioural
 * description ({@code src/test/resources/behavioural/}: {@code acc <= first ? a*w : acc + a*w}
 * with the same valid, reset and pass-through registers, written by hand): synthesized with the
 * same flow (Yosys {@code synth -flatten; dfflibmap; abc; opt_clean; stat}, NanGate45), qrtl's
 * area is at most 2 % above the behavioural one, for the PE and (with {@code -Dqrtl.full=true},
 * about a minute more: two 64-PE syntheses) for the array built of each PE.
 */
@Tag("tools")
class BehaviouralMacAreaTest {
  private static final Pattern AREA = Pattern.compile("Chip area for (?:top )?module '[^']*': ([0-9.]+)");

  @TempDir Path dir;

  @Test
  void peAndArrayAreWithinTwoPercentOfBehaviouralVerilog() throws Exception {
    ToolGate.require("yosys");
    MacArraySpec s = new MacArraySpec(8, 8, 8, true, 8, true, 256, java.util.OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    Module pe = PeGenerator.systolic(s);
    Module array = MacArrayGenerator.generate(s);
    Path lib = dir.resolve("cells.lib");
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(dev.qrtl.testing.TechFiles.nangate45()))) {
      Files.copy(in, lib);
    }
    Path qrtlPe = write("qrtl_pe.v", VerilogEmitter.emit(pe).topText());
    Path handPe = write("hand_pe.v", Files.readString(Golden.projectRoot().resolve("src/test/resources/behavioural/" + pe.name() + ".v")));
    Path arrayOnly = write("array.v", VerilogEmitter.emit(array).topText());
    double peQrtl = area(List.of(qrtlPe), pe.name(), lib);
    double peHand = area(List.of(handPe), pe.name(), lib);
    System.out.printf(Locale.ROOT, "PE: qrtl %.1f um^2, behavioural %.1f (%.3f)%n", peQrtl, peHand, peQrtl / peHand);
    assertTrue(peQrtl <= 1.02 * peHand, "PE " + peQrtl + " vs behavioural " + peHand);
    if (Boolean.getBoolean("qrtl.full")) {
      double arrQrtl = area(List.of(qrtlPe, arrayOnly), array.name(), lib);
      double arrHand = area(List.of(handPe, arrayOnly), array.name(), lib);
      System.out.printf(Locale.ROOT, "8x8 array: qrtl %.1f um^2, with the behavioural PE %.1f (%.3f)%n", arrQrtl, arrHand, arrQrtl / arrHand);
      assertTrue(arrQrtl <= 1.02 * arrHand, "array " + arrQrtl + " vs behavioural " + arrHand);
    }
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private double area(List<Path> files, String top, Path lib) throws Exception {
    // Yosys runs in the test's folder: every file by its plain local name.
    StringBuilder script = new StringBuilder("read_verilog");
    for (Path f : files) {
      script.append(' ').append(f.getFileName());
    }
    script.append("\nsynth -top ").append(top).append(" -flatten\ndfflibmap -liberty cells.lib\nabc -liberty cells.lib\nopt_clean\n")
        .append("tee -o ").append(top).append(".stat stat -liberty cells.lib\n");
    Path ys = write(top + "_" + files.get(0).getFileName() + ".ys", script.toString());
    ProcessResult r = ProcessRunner.run(List.of("yosys", "-q", "-s", ys.toString()), dir, Duration.ofMinutes(10));
    assertTrue(r.ok(), r.tail(5));
    Matcher m = AREA.matcher(Files.readString(dir.resolve(top + ".stat")));
    assertTrue(m.find(), "no chip area in Yosys's statistics");
    return Double.parseDouble(m.group(1));
  }
}
