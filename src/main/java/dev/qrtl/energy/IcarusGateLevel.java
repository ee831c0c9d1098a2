package dev.qrtl.energy;

import dev.qrtl.liberty.BoolFunction;
import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Pin;
import dev.qrtl.liberty.TimingArc;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.power.Elaboration;
import dev.qrtl.synth.FlatNetlist;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolException;
import dev.qrtl.tools.ToolPaths;
import dev.qrtl.util.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The gate-level simulation a user would otherwise run: the mapped netlist in Icarus Verilog
 * ({@code -gspecify}), every cell instance a module computing its Liberty function with a
 * {@code specify} path delay per arc (the library's rise and fall delay at the instance's load and
 * its input's propagated transition, wire delay included, as static timing computes them), driven
 * one operation per period from a file of stimulus words and dumping every net to a VCD: the
 * activity a power tool reads. Used by the glitch cross-check ({@code GlitchIcarusTest}) and by
 * {@code qrtl bench energy}, which times it against qrtl's simulators on the same netlist and
 * inputs. Combinational netlists only (operations are applied, not clocked).
 */
public final class IcarusGateLevel {
  private IcarusGateLevel() {}

  /**
   * One run: compile and simulation wall times, the VCD and its size, and the cells' output
   * changes after the first operation (which leaves the reset state).
   */
  public record Result(double compileSeconds, double simulateSeconds, Path vcd, long vcdBytes, long cellOutputChanges) {}

  /**
   * Simulates {@code stimulus} (one row per operation, one value per input port of at most 64
   * bits, in {@code inputs} order) with a period of {@code periodNs}, in {@code dir}.
   */
  public static Result run(Elaboration e, List<PortSpec> inputs, List<PortSpec> outputs, long[][] stimulus, double periodNs, Path dir,
      Duration timeout) {
    if (!e.combinational()) {
      throw new IllegalArgumentException("the Icarus comparison drives combinational netlists; this one has flip-flops");
    }
    for (PortSpec p : inputs) {
      if (p.width() > 64) {
        throw new IllegalArgumentException("input '" + p.name() + "' is " + p.width() + " bits wide; the Icarus bench drives up to 64");
      }
    }
    StringBuilder vec = new StringBuilder();
    for (long[] op : stimulus) {
      for (long v : op) {
        vec.append(String.format("%016x", v)).append('\n');
      }
    }
    AtomicFiles.writeString(dir.resolve("vectors.hex"), vec.toString());
    AtomicFiles.writeString(dir.resolve("cells.v"), cells(e));
    AtomicFiles.writeString(dir.resolve("dut.v"), dut(e));
    AtomicFiles.writeString(dir.resolve("tb.v"), bench(inputs, outputs, stimulus.length, periodNs));
    long t0 = System.nanoTime();
    ProcessRunner.runChecked(List.of(ToolPaths.require("iverilog").toString(), "-gspecify", "-o", "sim", "tb.v", "dut.v", "cells.v"), dir,
        timeout);
    long t1 = System.nanoTime();
    ProcessRunner.runChecked(List.of(ToolPaths.require("vvp").toString(), "-n", "sim"), dir, timeout);
    long t2 = System.nanoTime();
    Path vcd = dir.resolve("t.vcd");
    Set<Integer> driven = new HashSet<>();
    for (int net : e.gateOutputNets()) {
      driven.add(net);
    }
    try {
      return new Result((t1 - t0) / 1e9, (t2 - t1) / 1e9, vcd, Files.size(vcd), changes(vcd, driven));
    } catch (IOException x) {
      throw new ToolException("cannot read Icarus's VCD " + vcd + ": " + x.getMessage());
    }
  }

  /** One module per instance: its outputs' truth tables and a specify path per input and output. */
  private static String cells(Elaboration e) {
    FlatNetlist flat = e.netlist();
    StringBuilder cells = new StringBuilder("`timescale 1ps/1fs\n");
    int k = 0;
    for (FlatNetlist.Instance inst : flat.instances()) {
      Cell c = inst.cell();
      List<Pin> ins = c.inputs();
      List<String> ports = new ArrayList<>();
      ins.forEach(p -> ports.add(p.name()));
      List<Pin> outs = outputs(inst);
      outs.forEach(o -> ports.add(o.name()));
      cells.append("module c").append(k).append(" (").append(String.join(", ", ports)).append(");\n");
      ins.forEach(p -> cells.append("  input ").append(p.name()).append(";\n"));
      List<String> msbFirst = new ArrayList<>(ins.stream().map(Pin::name).toList());
      Collections.reverse(msbFirst);
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
        long tt = BoolFunction.truthTable(o.function(), ins.stream().map(Pin::name).toList());
        int rows = 1 << ins.size();
        cells.append("  output ").append(o.name()).append(";\n");
        cells.append(String.format(Locale.ROOT, "  localparam [%d:0] T_%s = %d'h%x;%n", rows - 1, o.name(), rows, tt));
        cells.append("  assign ").append(o.name()).append(" = T_").append(o.name()).append('[').append(vector).append("];\n");
      }
      cells.append("endmodule\n");
      k++;
    }
    return cells.toString();
  }

  private static List<Pin> outputs(FlatNetlist.Instance inst) {
    return inst.cell().outputs().stream().filter(o -> o.function() != null && inst.pins().containsKey(o.name())).toList();
  }

  /** The netlist: nets {@code n<id>}, the ports assigned to and from them, one instance per cell. */
  private static String dut(Elaboration e) {
    FlatNetlist flat = e.netlist();
    StringBuilder top = new StringBuilder("`timescale 1ps/1fs\nmodule dut (");
    List<String> portDecls = new ArrayList<>();
    flat.inputs().forEach((name, bits) -> portDecls.add("input [" + (bits.length - 1) + ":0] " + name));
    flat.outputs().forEach((name, bits) -> portDecls.add("output [" + (bits.length - 1) + ":0] " + name));
    top.append(String.join(", ", portDecls)).append(");\n");
    top.append("  wire n0 = 1'b0;\n  wire n1 = 1'b1;\n");
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
      top.append("  c").append(k).append(" i").append(k).append(" (");
      List<String> conn = new ArrayList<>();
      inst.cell().inputs().forEach(p -> conn.add("." + p.name() + "(n" + inst.pins().getOrDefault(p.name(), 0) + ")"));
      outputs(inst).forEach(o -> conn.add("." + o.name() + "(n" + inst.pins().get(o.name()) + ")"));
      top.append(String.join(", ", conn)).append(");\n");
      k++;
    }
    return top.append("endmodule\n").toString();
  }

  /** One operation per period from {@code vectors.hex}; the VCD from the second operation on. */
  private static String bench(List<PortSpec> ins, List<PortSpec> outs, int operations, double periodNs) {
    StringBuilder tb = new StringBuilder("`timescale 1ps/1fs\nmodule tb;\n");
    tb.append("  reg [63:0] mem [0:").append((long) operations * ins.size() - 1).append("];\n");
    for (PortSpec p : ins) {
      tb.append("  reg [").append(p.width() - 1).append(":0] ").append(p.name()).append(";\n");
    }
    for (PortSpec p : outs) {
      tb.append("  wire [").append(p.width() - 1).append(":0] ").append(p.name()).append(";\n");
    }
    List<String> conn = new ArrayList<>();
    ins.forEach(p -> conn.add("." + p.name() + "(" + p.name() + ")"));
    outs.forEach(p -> conn.add("." + p.name() + "(" + p.name() + ")"));
    tb.append("  dut d (").append(String.join(", ", conn)).append(");\n");
    tb.append("  integer k;\n  initial begin\n    $readmemh(\"vectors.hex\", mem);\n");
    tb.append(String.format(Locale.ROOT, "    for (k = 0; k < %d; k = k + 1) begin%n", operations));
    for (int i = 0; i < ins.size(); i++) {
      tb.append("      ").append(ins.get(i).name()).append(" = mem[k * ").append(ins.size()).append(" + ").append(i).append("];\n");
    }
    tb.append("      if (k == 1) begin $dumpfile(\"t.vcd\"); $dumpvars(1, d); end\n");
    tb.append(String.format(Locale.ROOT, "      #%d;%n", (long) (periodNs * 1000)));
    tb.append("    end\n    $finish;\n  end\nendmodule\n");
    return tb.toString();
  }

  /** Value changes of the nets {@code n<id>} in {@code ids} after the dump's first time stamp (which holds the initial values). */
  private static long changes(Path vcd, Set<Integer> ids) throws IOException {
    Map<String, Integer> code = new HashMap<>();
    long changes = 0;
    boolean body = false;
    long first = -1;
    boolean counting = false;
    try (BufferedReader r = Files.newBufferedReader(vcd)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!body) {
          String[] w = line.trim().split("\\s+");
          if (w.length >= 5 && w[0].equals("$var") && w[2].equals("1") && w[4].matches("n\\d+")
              && ids.contains(Integer.parseInt(w[4].substring(1)))) {
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
