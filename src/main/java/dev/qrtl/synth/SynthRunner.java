package dev.qrtl.synth;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.Library;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolException;
import dev.qrtl.tools.ToolPaths;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.CacheStore;
import dev.qrtl.util.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Synthesises a design with Yosys ({@code synth}, {@code dfflibmap}, {@code abc} onto the
 * library), reads the mapped netlist and Yosys's statistics as JSON, and prices area and timing
 * (static timing of the flattened netlist, so paths cross module boundaries).
 * Yosys runs are cached by a hash of the Verilog, the script, the library file and the Yosys
 * version; a run happens in a temporary folder moved into the cache only when complete; several
 * designs run in parallel, one Yosys per core ({@link #runAll}).
 */
public final class SynthRunner {
  /** The script; {@code %FILES%}, {@code %TOP%}, {@code %FLATTEN%}, {@code %LIB%} are filled in. */
  static final String SCRIPT = String.join("\n",
      "read_verilog %FILES%",
      "hierarchy -check -top %TOP%",
      "synth -top %TOP%%FLATTEN%",
      "dfflibmap -liberty \"%LIB%\"",
      // Yosys's own default ABC script (with its &fraig -x SAT sweep), as users and published figures
      // use: since the generators build lean datapaths it finishes on every design (docs/synthesis.md).
      "abc -liberty \"%LIB%\"",
      "opt_clean -purge",
      "rename -enumerate", // the same short cell names in the JSON and Verilog netlists (for OpenSTA)
      "tee -q -o stat.json stat -json -liberty \"%LIB%\"",
      "tee -q -o stat.txt stat -liberty \"%LIB%\"",
      "write_json netlist.json",
      "write_verilog -noattr netlist.v",
      "");


  private SynthRunner() {}

  public static String yosysVersion() {
    ProcessResult r = ProcessRunner.runChecked(List.of(ToolPaths.require("yosys").toString(), "-V"), null, Duration.ofSeconds(30));
    return r.stdout().trim().replaceFirst(" \\(git.*", "");
  }

  /** Checks that the library has what Yosys's mapping needs. */
  static void checkCells(Library lib, boolean needsFlipFlop) {
    boolean inverter = lib.cells().values().stream().anyMatch(c -> !c.dontUse() && !c.sequential() && c.inputs().size() == 1
        && c.outputs().size() == 1 && "!A".equals(simplify(c)));
    if (!inverter) {
      throw new LibertyException("library " + lib.name() + " lacks an inverter, which abc needs to map logic");
    }
    if (needsFlipFlop && lib.cells().values().stream().noneMatch(c -> c.sequential() && !c.dontUse())) {
      throw new LibertyException("library " + lib.name() + " lacks a D flip-flop, which dfflibmap needs for the design's registers");
    }
  }

  private static String simplify(Cell c) {
    try {
      long t = dev.qrtl.liberty.BoolFunction.truthTable(c.outputs().get(0).function(), List.of(c.inputs().get(0).name()));
      return t == 0b01 ? "!A" : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  /**
   * Synthesises several designs at once, at most one Yosys run per core (each Yosys run is
   * single-threaded); results in the order of {@code manifests}. The first failure is rethrown.
   */
  public static List<SynthResult> runAll(List<Path> manifests, TechLibraries.Resolved tech, SynthMode mode, Duration timeout) {
    return runAll(manifests, tech, mode, TimingConditions.DEFAULT, timeout);
  }

  /** {@link #runAll(List, TechLibraries.Resolved, SynthMode, Duration)} timed under {@code conditions}. */
  public static List<SynthResult> runAll(List<Path> manifests, TechLibraries.Resolved tech, SynthMode mode, TimingConditions conditions,
      Duration timeout) {
    int threads = Math.max(1, Math.min(manifests.size(), Runtime.getRuntime().availableProcessors()));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<SynthResult>> futures = new ArrayList<>();
      for (Path m : manifests) {
        futures.add(pool.submit(() -> run(m, tech, mode, conditions, timeout)));
      }
      List<SynthResult> results = new ArrayList<>();
      for (java.util.concurrent.Future<SynthResult> f : futures) {
        try {
          results.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new ToolException("synthesis failed: " + e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ToolException("synthesis interrupted");
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  public static SynthResult run(Path manifestPath, TechLibraries.Resolved tech, SynthMode mode, Duration timeout) {
    return run(manifestPath, tech, mode, TimingConditions.DEFAULT, timeout);
  }

  /**
   * Synthesises (or reuses the cached Yosys run of) one design and prices it; timing under
   * {@code conditions} (which do not change the Yosys run, only the analysis of its netlist).
   */
  public static SynthResult run(Path manifestPath, TechLibraries.Resolved tech, SynthMode mode, TimingConditions conditions,
      Duration timeout) {
    return run(manifestPath, tech, mode, conditions, java.util.OptionalDouble.empty(), timeout);
  }

  /**
   * {@link #run(Path, TechLibraries.Resolved, SynthMode, TimingConditions, Duration)} synthesized
   * for a clock of {@code clockNs}: ABC gets the delay target ({@code abc -D}) and, with
   * {@code -dff}, the flip-flops, which it retimes ({@code retime -o}) to meet it; the flip-flops are
   * mapped onto the library afterwards. Without a target the flow is Yosys's default.
   */
  public static SynthResult run(Path manifestPath, TechLibraries.Resolved tech, SynthMode mode, TimingConditions conditions,
      java.util.OptionalDouble clockNs, Duration timeout) {
    Manifest m = ManifestIo.read(manifestPath);
    Path dir = manifestPath.toAbsolutePath().getParent();
    List<Path> files = m.resolveFiles(dir);
    checkCells(tech.library(), m.clock() != null);
    String version = yosysVersion();
    String script = script(m.top(), mode, files, clockNs);
    List<String> key = new ArrayList<>(List.of(version, script, tech.library().sha256(), mode.name()));
    for (Path f : files) {
      try {
        key.add(f.getFileName().toString());
        key.add(Files.readString(f));
      } catch (IOException e) {
        throw new ToolException("cannot read " + f + ": " + e.getMessage());
      }
    }
    String hash = Hashing.sha256(key.toArray(new String[0])).substring(0, 24);
    Path cache;
    try {
      cache = CacheStore.get("synth", hash, "the Yosys run of '" + m.top() + "' on " + tech.library().name(),
          work -> synthesize(m, files, tech, script, work, timeout), entry -> checkResult(m, entry));
    } catch (dev.qrtl.util.QrtlException e) {
      throw new ToolException(e.getMessage());
    }
    try {
      YosysNetlist net = YosysNetlist.parse(Files.readString(cache.resolve("netlist.json")), cache.resolve("netlist.json").toString());
      return price(m.top(), net, tech.library(), mode, conditions, version, cache);
    } catch (IOException e) {
      throw new ToolException("cannot read the Yosys results in " + cache + ": " + e.getMessage());
    }
  }

  /**
   * The script for one design. It names only fixed local files (the Verilog copied in as
   * {@code in_<module>.v}, the library as {@code cells.lib}) and the validated top name, so no
   * path or name from outside is ever pasted into it.
   */
  static String script(String top, SynthMode mode, List<Path> files) {
    return script(top, mode, files, java.util.OptionalDouble.empty());
  }

  static String script(String top, SynthMode mode, List<Path> files, java.util.OptionalDouble clockNs) {
    String fileList = files.stream().map(f -> "\"" + INPUT_PREFIX + f.getFileName() + "\"").collect(Collectors.joining(" "));
    String text = SCRIPT;
    if (clockNs.isPresent()) {
      long ps = Math.round(clockNs.getAsDouble() * 1000);
      // Retiming needs the flip-flops inside ABC: map logic and retime first, then the flip-flops
      // onto the library, then whatever generic gates dfflibmap left. Enables and synchronous
      // resets become logic first (dffunmap): Yosys 0.23 gives ABC each enable/reset domain apart
      // and puts the domain's enable and reset back on every retimed register, reset to ABC's
      // initial value, which left a group-scaled PE wrong four cycles after its reset
      // (RetimedRegistersTest). The libraries have plain flip-flops only, so dfflibmap would make
      // the same multiplexers of them anyway.
      text = text.replace("dfflibmap -liberty \"%LIB%\"\n", "")
          .replace("abc -liberty \"%LIB%\"\n", "dffunmap\n" + "abc -dff -liberty \"%LIB%\" -D " + ps + " -script \"" + RETIMING_SCRIPT + "\"\n"
              + "dfflibmap -liberty \"%LIB%\"\n" + "abc -liberty \"%LIB%\" -D " + ps + "\n");
    }
    return text.replace("%TOP%", top).replace("%FLATTEN%", mode == SynthMode.FLAT ? " -flatten" : "").replace("%FILES%", fileList)
        .replace("%LIB%", LIB_NAME);
  }

  /**
   * Yosys's default ABC script for Liberty mapping with a delay target, except that registers are
   * retimed by ABC's default {@code retime} (mode 5: minimum area, then minimum delay, no target);
   * the default's {@code retime -o} minimized the register count instead (tflite-double 32 -> 8
   * with 2 stages: 28 flip-flops became 16 and the path stayed 5.3 ns; with {@code retime}, 299
   * flip-flops cut the multiplier). This script used to say {@code retime,-D,{D}}, which Yosys
   * expands to {@code retime -D -D 2500}: ABC read the second {@code -D} as a target of 0, unused,
   * so it ran plain {@code retime} (the same netlist bit for bit); a real {@code -D 4000} moved no
   * register of a group-scaled PE (62 stayed 62; plain {@code retime}: 135). And the mapped
   * netlist is buffered and its gates sized for the target ({@code buffer -p; upsize {D}; dnsize
   * {D}}, what Yosys's script runs only with a {@code -constr} file). Without them a
   * retimed unit's high-fanout nets stayed on minimum-size gates: tflite-double 32 -> 8 with 4
   * stages kept a 2.46 ns path (a NAND2_X1 driving the shift decode, 0.87 ns alone) that no further
   * stage shortened (2.37 ns with 8); sized, it is 1.11 ns with 4 stages and 0.94 ns with 8.
   */
  static final String RETIMING_SCRIPT = "+strash;&get,-n;&fraig,-x;&put;scorr;dc2;dretime;retime;strash;&get,-n;&dch,-f;&nf,{D};&put;"
      + "buffer,-p;upsize,{D};dnsize,{D}";

  private static final String INPUT_PREFIX = "in_";
  private static final String LIB_NAME = "cells.lib";

  /** Runs Yosys in {@code work} (a fresh cache scratch folder); leaves the results and the log there. */
  private static void synthesize(Manifest m, List<Path> files, TechLibraries.Resolved tech, String script, Path work, Duration timeout)
      throws IOException {
    for (Path f : files) {
      Files.copy(f, work.resolve(INPUT_PREFIX + f.getFileName()));
    }
    Files.createSymbolicLink(work.resolve(LIB_NAME), tech.plainFile().toAbsolutePath());
    AtomicFiles.writeString(work.resolve("synth.ys"), script);
    ProcessResult r;
    try {
      r = ProcessRunner.run(List.of(ToolPaths.require("yosys").toString(), "-q", "-l", "yosys.log", "-s", "synth.ys"), work, timeout);
    } catch (ToolException e) {
      throw new ToolException("Yosys on '" + m.top() + "': " + e.getMessage());
    }
    if (!r.ok() || !Files.isRegularFile(work.resolve("netlist.json"))) {
      String log = "";
      try {
        log = String.join("\n", Files.readAllLines(work.resolve("yosys.log")).stream()
            .filter(l -> l.contains("ERROR") || l.contains("rror:")).limit(5).toList());
      } catch (IOException ignored) {
        // no log
      }
      Path kept = dev.qrtl.tools.ToolLogs.keep(work.resolve("yosys.log"), "yosys-" + m.top());
      String what = "Yosys failed on '" + m.top() + "' (exit " + r.exitCode() + ")" + (kept == null ? "" : "; full log: " + kept);
      java.util.Map<String, String> names = new java.util.HashMap<>();
      for (Path f : files) {
        names.put(INPUT_PREFIX + f.getFileName(), f.toString());
      }
      var syntax = dev.qrtl.tools.SyntaxErrors.first(log + "\n" + r.stderr(), names);
      if (syntax.isPresent()) { // the user's Verilog does not parse: say where first
        throw new ToolException(syntax.get() + " (" + what + ")");
      }
      throw new ToolException(what + "\n" + (log.isEmpty() ? r.tail(5) : log));
    }
    Files.delete(work.resolve(LIB_NAME));
    for (Path f : files) {
      Files.delete(work.resolve(INPUT_PREFIX + f.getFileName()));
    }
  }

  /**
   * A Yosys run that exited 0 is a result only if its netlist holds the top module with every
   * output bit driven (by a cell, an input or a constant) and its statistics are not empty.
   */
  static void checkResult(Manifest m, Path dir) {
    YosysNetlist net;
    try {
      net = YosysNetlist.parse(Files.readString(dir.resolve("netlist.json")), "netlist.json");
      if (Files.size(dir.resolve("stat.json")) == 0) {
        throw new ToolException("Yosys wrote empty statistics for '" + m.top() + "'");
      }
    } catch (IOException e) {
      throw new ToolException("Yosys left no readable netlist for '" + m.top() + "': " + e.getMessage());
    }
    YosysNetlist.NetModule top = net.modules().get(m.top());
    if (top == null) {
      throw new ToolException("Yosys's netlist lacks the top module '" + m.top() + "'");
    }
    java.util.Set<String> driven = new java.util.HashSet<>(List.of("0", "1", "x", "z"));
    top.ports().values().stream().filter(p -> p.direction().equals("input")).forEach(p -> driven.addAll(p.bits()));
    for (YosysNetlist.NetCell c : top.cells()) {
      c.connections().forEach((pin, bits) -> {
        if (!"input".equals(c.directions().get(pin))) {
          driven.addAll(bits);
        }
      });
    }
    for (YosysNetlist.Port p : top.ports().values()) {
      if (p.direction().equals("output") && !driven.containsAll(p.bits())) {
        throw new ToolException("Yosys's netlist of '" + m.top() + "' leaves output '" + p.name() + "' undriven");
      }
    }
  }

  /** Area (hierarchy expanded by instance counts) and timing from a mapped netlist. */
  static SynthResult price(String top, YosysNetlist net, Library lib, SynthMode mode, TimingConditions conditions, String yosys,
      Path dir) {
    Map<String, Long> counts = new LinkedHashMap<>();
    expand(top, net, 1, counts, new LinkedHashMap<>());
    Map<String, Double> areaBy = new LinkedHashMap<>();
    double area = 0;
    double seq = 0;
    long cells = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      Cell c = lib.cells().get(e.getKey());
      if (c == null) {
        throw new ToolException("the netlist uses cell '" + e.getKey() + "', which library " + lib.name() + " lacks");
      }
      double a = c.area() * e.getValue();
      areaBy.put(e.getKey(), a);
      area += a;
      seq += c.sequential() ? a : 0;
      cells += e.getValue();
    }
    Map<String, Double> sorted = areaBy.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, LinkedHashMap::new));
    Map<String, Long> sortedCounts = new LinkedHashMap<>();
    sorted.keySet().forEach(k -> sortedCounts.put(k, counts.get(k)));
    FlatNetlist flat = new FlatNetlist(net, top, lib);
    var wire = conditions.wireLoadChoice().resolve(lib, area);
    StaticTiming.Result timing = StaticTiming.analyse(flat, lib, new NetLoads(flat, wire, conditions.outputLoadPf()), conditions);
    TimingPath worst = timing.path();
    double crit = worst.delayNs();
    return new SynthResult(top, mode.name().toLowerCase(java.util.Locale.ROOT), lib.name(), lib.corner(), lib.sha256(), yosys,
        area, area / lib.nand2Area(), seq, area - seq, cells, sorted, sortedCounts, crit, crit > 0 ? 1000.0 / crit : 0,
        worst, worst.extrapolatedLookups(), conditions, wire.description(), dir.toString());
  }

  /** Adds the library cells under {@code module}, times {@code multiplicity}, into {@code counts}. */
  private static void expand(String module, YosysNetlist net, long multiplicity, Map<String, Long> counts, Map<String, Boolean> stack) {
    YosysNetlist.NetModule m = net.modules().get(module);
    if (m == null) {
      throw new ToolException("the netlist has no module '" + module + "'");
    }
    if (stack.containsKey(module)) {
      throw new ToolException("the netlist's hierarchy loops through '" + module + "'");
    }
    stack.put(module, true);
    for (YosysNetlist.NetCell c : m.cells()) {
      if (net.modules().containsKey(c.type())) {
        expand(c.type(), net, multiplicity, counts, stack);
      } else {
        counts.merge(c.type(), multiplicity, Long::sum);
      }
    }
    stack.remove(module);
  }

}
