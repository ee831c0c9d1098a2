package dev.qrtl.synth;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.Pin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapped netlist with its hierarchy expanded: every library-cell instance with integer net
 * numbers (0 and 1 are the constants), and the <em>group</em> it belongs to - the module type of
 * the top module's child that contains it ("top" for cells placed in the top module itself), so
 * that energy can be split into, say, the MAC array and the requantizers. Synthesizing each
 * distinct module once and expanding here keeps large arrays cheap to synthesize. Static timing,
 * net loads and the gate-level simulations all work on this one flat view, so a path or a load
 * never stops at a module boundary.
 */
public final class FlatNetlist {
  /** One library cell: its connections as net numbers by pin name. */
  public record Instance(String name, Cell cell, Map<String, Integer> pins, int group) {}

  private final Map<String, int[]> inputs = new LinkedHashMap<>();
  private final Map<String, int[]> outputs = new LinkedHashMap<>();
  private final List<Instance> instances = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private int nets = 2;

  public FlatNetlist(YosysNetlist net, String top, Library lib) {
    YosysNetlist.NetModule m = net.modules().get(top);
    if (m == null) {
      throw new LibertyException("the netlist has no module '" + top + "'");
    }
    Map<String, Integer> bits = new HashMap<>();
    for (YosysNetlist.Port p : m.ports().values()) {
      int[] idx = p.bits().stream().mapToInt(b -> local(bits, b)).toArray();
      (p.direction().equals("input") ? inputs : outputs).put(p.name(), idx);
    }
    groups.add("top");
    expand(net, m, bits, lib, -1, 0, "");
  }

  public int netCount() {
    return nets;
  }

  /** Input ports: their bits' net numbers, least significant first. */
  public Map<String, int[]> inputs() {
    return java.util.Collections.unmodifiableMap(inputs);
  }

  /** Output ports: their bits' net numbers, least significant first. */
  public Map<String, int[]> outputs() {
    return java.util.Collections.unmodifiableMap(outputs);
  }

  /** Every library-cell instance. */
  public List<Instance> instances() {
    return java.util.Collections.unmodifiableList(instances);
  }

  /** The group names, by group number ("top" is 0). */
  public List<String> groups() {
    return java.util.Collections.unmodifiableList(groups);
  }

  private int local(Map<String, Integer> bits, String b) {
    if (b.equals("0") || b.equals("x") || b.equals("z")) {
      return 0; // undriven bits are treated as 0
    }
    if (b.equals("1")) {
      return 1;
    }
    return bits.computeIfAbsent(b, k -> nets++);
  }

  private void expand(YosysNetlist net, YosysNetlist.NetModule m, Map<String, Integer> bits, Library lib, int group, int depth, String path) {
    if (depth > 64) {
      throw new LibertyException("the netlist's hierarchy is deeper than 64 levels (a loop?) at '" + m.name() + "'");
    }
    for (YosysNetlist.NetCell c : m.cells()) {
      YosysNetlist.NetModule child = net.modules().get(c.type());
      if (child != null) {
        int g = group;
        if (g < 0) {
          g = groups.indexOf(c.type());
          if (g < 0) {
            groups.add(c.type());
            g = groups.size() - 1;
          }
        }
        Map<String, Integer> inner = new HashMap<>();
        for (YosysNetlist.Port p : child.ports().values()) {
          List<String> outer = c.connections().get(p.name());
          for (int i = 0; i < p.bits().size(); i++) {
            String ob = outer != null && i < outer.size() ? outer.get(i) : "x";
            String ib = p.bits().get(i);
            if (!ib.equals("0") && !ib.equals("1") && !ib.equals("x") && !ib.equals("z")) {
              inner.putIfAbsent(ib, local(bits, ob));
            }
          }
        }
        expand(net, child, inner, lib, g, depth + 1, path + c.name() + "/");
        continue;
      }
      Cell lc = lib.cells().get(c.type());
      if (lc == null) {
        throw new LibertyException("cell '" + c.type() + "' of the netlist is not in library " + lib.name());
      }
      Map<String, Integer> pins = new LinkedHashMap<>();
      for (Pin p : lc.pins().values()) {
        List<String> b = c.connections().get(p.name());
        if (b == null) {
          continue;
        }
        if (b.size() != 1) {
          throw new LibertyException("cell " + c.name() + " (" + c.type() + ") has no one-bit connection on pin '" + p.name() + "'");
        }
        pins.put(p.name(), local(bits, b.get(0)));
      }
      instances.add(new Instance(path + c.name(), lc, pins, Math.max(group, 0)));
    }
  }
}
