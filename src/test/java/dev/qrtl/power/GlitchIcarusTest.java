package dev.qrtl.power;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Pin;
import dev.qrtl.liberty.TimingArc;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.synth.FlatNetlist;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.synth.YosysNetlist;
import dev.qrtl.testing.Golden;
import dev.qrtl.testing.Netlists;
import dev.qrtl.testing.TechFiles;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolPaths;
import dev.qrtl.verilog.DesignWriter;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The glitches of qrtl's delay-aware simulation against an event-driven simulation of the same
 * netlist in Icarus Verilog ({@code -gspecify}): every cell instance becomes a module computing
 * its Liberty function with a {@code specify} path delay per arc - the library's rise and fall
 * delay at the instance's load and its input's propagated transition, wire delay included, as
 * static timing computes them - and both simulators see the same 1,000 operations of uniformly
 * random inputs (seed printed), one operation per period long enough to settle. Transitions of
 * the cells' outputs per operation must agree within 10 % on a 16x16 multiplier and on the
 * tflite-double requantizer (NanGate45). The remaining difference is explained in docs/energy.md:
 * qrtl uses one delay per input (the mean of the rise and fall delays) and removes pulses shorter
 * than the cell's fastest input delay; Icarus's path delays differ by edge and it filters pulses
 * shorter than the path delay the edge would take.
 */
@Tag("tools")
class GlitchIcarusTest {
  private static final int OPS = 1000;
  private static final long SEED = 20261215;
  @TempDir Path dir;

  @Test
  void transitionsPerOperationAgreeWithAnEventDrivenSimulation() throws Exception {
    ToolGate.require("yosys", "iverilog", "vvp");
    var tech = TechLibraries.fromFile(TechFiles.nangate45());
    List<String> failures = new ArrayList<>();
    for (Path manifest : List.of(DesignWriter.write(Netlists.multiplier16(), "example", null, dir.resolve("mul")),
        Golden.projectRoot().resolve("rtl-out/requant_tflite_double_a32_q8s_mrt_srt_zrt.json"))) {
      Manifest m = ManifestIo.read(manifest);
      SynthResult r = SynthRunner.run(manifest, tech, SynthMode.FLAT, Duration.ofMinutes(10));
      YosysNetlist net = YosysNetlist.parse(Files.readString(Path.of(r.netlistDir(), "netlist.json")), "netlist");
      Elaboration e = new Elaboration(net, m.top(), tech.library(), r.conditions());
      double period = Math.ceil(r.criticalPathNs() * 2 + 1);
      long[][] stimulus = stimulus(m.inputs(), new SplittableRandom(SEED));
      double qrtl = qrtlTransitions(e, m.inputs(), stimulus);
      double icarus = icarusTransitions(e, m, stimulus, period);
      double rel = qrtl / icarus - 1;
      System.out.printf(Locale.ROOT, "glitches, %s on NanGate45, %d operations (seed %d): qrtl %.1f cell-output transitions per operation,"
          + " Icarus -gspecify %.1f (%+.1f %%); zero delay would give %.1f%n", m.top(), OPS, SEED, qrtl, icarus, 100 * rel,
          zeroDelayTransitions(e, m.inputs(), stimulus));
      if (Math.abs(rel) > 0.10) {
        failures.add(m.top() + String.format(Locale.ROOT, " %+.1f %%", 100 * rel));
      }
    }
    assertTrue(failures.isEmpty(), "transitions per operation more than 10 % from Icarus's: " + failures);
  }

  private static long[][] stimulus(List<PortSpec> inputs, SplittableRandom rnd) {
    long[][] s = new long[OPS + 1][inputs.size()];
    for (long[] op : s) {
      for (int i = 0; i < op.length; i++) {
        int w = inputs.get(i).width();
        op[i] = w >= 64 ? rnd.nextLong() : rnd.nextLong() & ((1L << w) - 1);
      }
    }
    return s;
  }

  private static double count(Elaboration e, List<PortSpec> inputs, long[][] stimulus, GateSimulator.Timing timing) {
    long[] n = {0};
    EnergyModel counter = new EnergyModel() {
      @Override
      public void transition(int gate, double timeNs, boolean rising, int cause, double slew, int row) {
        n[0]++;
      }

      @Override
      public void sourceTransition(int net, boolean rising) {}

      @Override
      public void clockEdge() {}

      @Override
      public void evaluation() {}

      @Override
      public Map<String, Energy> energyByGroup(double clockNs) {
        return Map.of();
      }

      @Override
      public void reset() {
        n[0] = 0;
      }
    };
    GateSimulator g = new GateSimulator(e, timing, counter);
    for (int k = 0; k < stimulus.length; k++) {
      for (int i = 0; i < inputs.size(); i++) {
        g.set(inputs.get(i).name(), stimulus[k][i]);
      }
      g.eval();
      if (k == 0) {
        g.resetCounts(); // the first operation leaves the reset state; both simulators skip it
      }
    }
    return (double) n[0] / OPS;
  }

  private static double qrtlTransitions(Elaboration e, List<PortSpec> inputs, long[][] stimulus) {
    return count(e, inputs, stimulus, GateSimulator.Timing.DELAYS);
  }

  private static double zeroDelayTransitions(Elaboration e, List<PortSpec> inputs, long[][] stimulus) {
    return count(e, inputs, stimulus, GateSimulator.Timing.ZERO_DELAY);
  }

  /** Writes the netlist with one delay-annotated module per instance, runs it in Icarus, counts the cells' output changes. */
  private double icarusTransitions(Elaboration e, Manifest m, long[][] stimulus, double periodNs) throws Exception {
    FlatNetlist flat = e.netlist();
    StringBuilder cells = new StringBuilder("`timescale 1ps/1fs\n");
    StringBuilder top = new StringBuilder("`timescale 1ps/1fs\nmodule dut (");
    List<String> portDecls = new ArrayList<>();
    flat.inputs().forEach((name, bits) -> portDecls.add("input [" + (bits.length - 1) + ":0] " + name));
    flat.outputs().forEach((name, bits) -> portDecls.add("output [" + (bits.length - 1) + ":0] " + name));
    top.append(String.join(", ", portDecls)).append(");\n");
    top.append("  wire n0 = 1'b0;\n  wire n1 = 1'b1;\n");
    Set<Integer> driven = new HashSet<>();
    for (Elaboration.Gate g : e.gates) {
      driven.add(g.output());
    }
    for (int n = 2; n < flat.netCount(); n++) {
      top.append("  wire n").append(n).append(";\n");
    }
    flat.inputs().forEach((name, bits) -> {
      for (int i = 0; i < bits.length; i++) {
        if (bits[i] > 1) {
          top.append("  assign n").append(bits[i]).append(" = ").append(name).append('[').append(i).append("];\n");
        }
      }
    });
    flat.outputs().forEach((name, bits) -> {
      for (int i = 0; i < bits.length; i++) {
        top.append("  assign ").append(name).append('[').append(i).append("] = n").append(bits[i]).append(";\n");
      }
    });
    int k = 0;
    for (FlatNetlist.Instance inst : flat.instances()) {
      Cell c = inst.cell();
      List<Pin> ins = c.inputs();
      String mod = "c" + k;
      List<String> ports = new ArrayList<>();
      ins.forEach(p -> ports.add(p.name()));
      List<Pin> outs = c.outputs().stream().filter(o -> o.function() != null && inst.pins().containsKey(o.name())).toList();
      outs.forEach(o -> ports.add(o.name()));
      cells.append("module ").append(mod).append(" (").append(String.join(", ", ports)).append(");\n");
      ins.forEach(p -> cells.append("  input ").append(p.name()).append(";\n"));
      List<String> msbFirst = new ArrayList<>(ins.stream().map(Pin::name).toList());
      java.util.Collections.reverse(msbFirst);
      String vector = "{" + String.join(", ", msbFirst) + "}";
      cells.append("  specify\n");
      for (Pin o : outs) {
        int outNet = inst.pins().get(o.name());
        for (Pin p : ins) {
          int inNet = inst.pins().getOrDefault(p.name(), 0);
          double[] d = {0, 0};
          for (TimingArc a : c.arcs()) {
            if (!a.combinational() || !a.relatedPin().equals(p.name()) || !a.outputPin().equals(o.name())) {
              continue;
            }
            for (int edge = 0; edge < 2; edge++) {
              boolean riseOut = edge == 0;
              for (boolean riseIn : a.causes(riseOut)) {
                double t = e.loads().wireDelayNs(inNet, p.capacitancePf(riseIn))
                    + a.delayNs(riseOut, e.slewNs(inNet, riseIn), e.loadPf(outNet, riseOut));
                d[edge] = Math.max(d[edge], t);
              }
            }
          }
          cells.append(String.format(Locale.ROOT, "    (%s => %s) = (%.3f, %.3f);%n", p.name(), o.name(), d[0] * 1000, d[1] * 1000));
        }
      }
      cells.append("  endspecify\n");
      for (Pin o : outs) {
        long tt = dev.qrtl.liberty.BoolFunction.truthTable(o.function(), ins.stream().map(Pin::name).toList());
        int rows = 1 << ins.size();
        cells.append("  output ").append(o.name()).append(";\n");
        cells.append(String.format(Locale.ROOT, "  localparam [%d:0] T_%s = %d'h%x;%n", rows - 1, o.name(), rows, tt));
        cells.append("  assign ").append(o.name()).append(" = T_").append(o.name()).append('[').append(vector).append("];\n");
      }
      cells.append("endmodule\n");
      top.append("  ").append(mod).append(" i").append(k).append(" (");
      List<String> conn = new ArrayList<>();
      ins.forEach(p -> conn.add("." + p.name() + "(n" + inst.pins().getOrDefault(p.name(), 0) + ")"));
      outs.forEach(o -> conn.add("." + o.name() + "(n" + inst.pins().get(o.name()) + ")"));
      top.append(String.join(", ", conn)).append(");\n");
      k++;
    }
    top.append("endmodule\n");
    // the bench: one operation per period, read from a file of hex words
    StringBuilder vec = new StringBuilder();
    for (long[] op : stimulus) {
      for (int i = 0; i < op.length; i++) {
        vec.append(String.format("%016x", op[i])).append(i + 1 < op.length ? " " : "\n");
      }
    }
    Files.writeString(dir.resolve("vectors.hex"), vec.toString().replace(' ', '\n'));
    List<PortSpec> ins = m.inputs();
    StringBuilder tb = new StringBuilder("`timescale 1ps/1fs\nmodule tb;\n");
    tb.append("  reg [63:0] mem [0:").append(stimulus.length * ins.size() - 1).append("];\n");
    for (PortSpec p : ins) {
      tb.append("  reg [").append(p.width() - 1).append(":0] ").append(p.name()).append(";\n");
    }
    for (PortSpec p : m.outputs()) {
      tb.append("  wire [").append(p.width() - 1).append(":0] ").append(p.name()).append(";\n");
    }
    tb.append("  dut d (").append(String.join(", ", m.ports().stream().map(p -> "." + p.name() + "(" + p.name() + ")").toList()))
        .append(");\n");
    tb.append("  integer k;\n  initial begin\n    $readmemh(\"vectors.hex\", mem);\n");
    tb.append(String.format(Locale.ROOT, "    for (k = 0; k < %d; k = k + 1) begin%n", stimulus.length));
    for (int i = 0; i < ins.size(); i++) {
      tb.append("      ").append(ins.get(i).name()).append(" = mem[k * ").append(ins.size()).append(" + ").append(i).append("];\n");
    }
    tb.append(String.format(Locale.ROOT, "      if (k == 1) begin $dumpfile(\"t.vcd\"); $dumpvars(1, d); end%n"));
    tb.append(String.format(Locale.ROOT, "      #%d;%n", (long) (periodNs * 1000)));
    tb.append("    end\n    $finish;\n  end\nendmodule\n");
    Files.writeString(dir.resolve("cells.v"), cells.toString());
    Files.writeString(dir.resolve("dut.v"), top.toString());
    Files.writeString(dir.resolve("tb.v"), tb.toString());
    ProcessRunner.runChecked(List.of(ToolPaths.require("iverilog").toString(), "-gspecify", "-o", "sim", "tb.v", "dut.v", "cells.v"), dir,
        Duration.ofMinutes(5));
    ProcessRunner.runChecked(List.of(ToolPaths.require("vvp").toString(), "-n", "sim"), dir, Duration.ofMinutes(10));
    return vcdChanges(dir.resolve("t.vcd"), driven) / OPS;
  }

  /** Value changes of the nets {@code n<id>} in {@code ids} after the dump's first time stamp (which holds the initial values). */
  private static double vcdChanges(Path vcd, Set<Integer> ids) throws Exception {
    Map<String, Integer> code = new HashMap<>();
    long changes = 0;
    boolean body = false;
    long first = -1;
    boolean counting = false;
    try (BufferedReader r = Files.newBufferedReader(vcd)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!body) {
          String[] w = line.trim().split("\\s+");
          if (w.length >= 5 && w[0].equals("$var") && w[2].equals("1") && w[4].matches("n\\d+") && ids.contains(Integer.parseInt(w[4].substring(1)))) {
            code.put(w[3], Integer.parseInt(w[4].substring(1)));
          }
          body = line.contains("$enddefinitions");
          continue;
        }
        if (line.startsWith("#")) {
          long t = Long.parseLong(line.substring(1).trim());
          first = first < 0 ? t : first;
          counting = t > first;
          continue;
        }
        if (counting && line.length() > 1 && (line.charAt(0) == '0' || line.charAt(0) == '1') && code.containsKey(line.substring(1))) {
          changes++;
        }
      }
    }
    return changes;
  }
}
