package dev.qrtl.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code outside the registries asks for a design kind or a simulator by its name: no {@code
 * equals} and no {@code case} on {@code "quantizer"}, {@code "mac-array"}, {@code "unified"},
 * {@code "conventional"}, {@code "example"}, {@code "verilator"} or {@code "icarus"} anywhere in
 * {@code src/main/java}. The kinds say their own names once ({@code kind/*Kind.java}); the
 * simulators theirs in {@code sim/Simulator.java}; tool executables are found by their program
 * names, which is not a choice of simulator.
 */
class RegistryNamesTest {
  private static final Pattern SWITCHED = Pattern.compile(
      "(equals(IgnoreCase)?\\(\\s*\"|case\\s+\"|\"\\s*\\.\\s*equals)(quantizer|mac-array|unified|conventional|example|verilator|icarus)\"");

  @Test
  void noSwitchOrEqualsOnAKindOrSimulatorName() throws Exception {
    List<String> found = new ArrayList<>();
    int files = 0;
    try (Stream<Path> s = Files.walk(Golden.projectRoot().resolve("src/main/java"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
        files++;
        String text = Files.readString(f);
        Matcher m = SWITCHED.matcher(text);
        while (m.find()) {
          found.add(f.getFileName() + ": " + m.group());
        }
        Matcher rev = Pattern.compile("\"(quantizer|mac-array|unified|conventional|example|verilator|icarus)\"\\s*\\.\\s*equals").matcher(text);
        while (rev.find()) {
          found.add(f.getFileName() + ": " + rev.group());
        }
      }
    }
    assertEquals(List.of(), found, "kind or simulator names switched on outside the registries");
    System.out.printf("registry names: %d main source files, no switch or equals on a kind's or a simulator's name%n", files);
  }
}
