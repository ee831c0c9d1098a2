package dev.qrtl.testing;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Library;
import dev.qrtl.synth.YosysNetlist;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A netlist written by hand, one-bit ports and nets named by strings, for hand-computed checks. */
public final class HandNetlist {
  private final String top;
  private final Library lib;
  private final Map<String, YosysNetlist.Port> ports = new LinkedHashMap<>();
  private final List<YosysNetlist.NetCell> cells = new ArrayList<>();

  public HandNetlist(String top, Library lib) {
    this.top = top;
    this.lib = lib;
  }

  public HandNetlist input(String name) {
    ports.put(name, new YosysNetlist.Port(name, "input", List.of(name)));
    return this;
  }

  public HandNetlist output(String name) {
    ports.put(name, new YosysNetlist.Port(name, "output", List.of(name)));
    return this;
  }

  /** An instance of a library cell; {@code pinsAndNets} alternate pin name, net name. */
  public HandNetlist cell(String name, String type, String... pinsAndNets) {
    Cell c = lib.cell(type);
    Map<String, String> dirs = new LinkedHashMap<>();
    Map<String, List<String>> conn = new LinkedHashMap<>();
    for (int i = 0; i < pinsAndNets.length; i += 2) {
      dirs.put(pinsAndNets[i], c.pins().get(pinsAndNets[i]).direction());
      conn.put(pinsAndNets[i], List.of(pinsAndNets[i + 1]));
    }
    cells.add(new YosysNetlist.NetCell(name, type, dirs, conn));
    return this;
  }

  /** The same netlist as structural Verilog (for OpenSTA and Icarus). */
  public String verilog() {
    StringBuilder sb = new StringBuilder("module " + top + " (" + String.join(", ", ports.keySet()) + ");\n");
    java.util.Set<String> wires = new java.util.TreeSet<>();
    for (YosysNetlist.Port p : ports.values()) {
      sb.append("  ").append(p.direction()).append(' ').append(p.name()).append(";\n");
    }
    for (YosysNetlist.NetCell c : cells) {
      c.connections().values().forEach(b -> wires.add(b.get(0)));
    }
    wires.removeAll(ports.keySet());
    for (String w : wires) {
      sb.append("  wire ").append(w).append(";\n");
    }
    for (YosysNetlist.NetCell c : cells) {
      sb.append("  ").append(c.type()).append(' ').append(c.name()).append(" (");
      sb.append(String.join(", ", c.connections().entrySet().stream().map(e -> "." + e.getKey() + "(" + e.getValue().get(0) + ")").toList()));
      sb.append(");\n");
    }
    return sb.append("endmodule\n").toString();
  }

  public YosysNetlist build() {
    return new YosysNetlist("hand", Map.of(top, new YosysNetlist.NetModule(top, ports, cells)));
  }
}
