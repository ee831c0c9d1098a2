package dev.qrtl.synth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.tools.ToolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapped netlist as Yosys writes it with {@code write_json}: modules with ports (bit numbers)
 * and cells (type, port directions, connections to bits or the constants "0"/"1"/"x"/"z").
 * Module names lose Yosys's leading backslash.
 */
public record YosysNetlist(String creator, Map<String, NetModule> modules) {
  /** One module of the netlist. */
  public record NetModule(String name, Map<String, Port> ports, List<NetCell> cells) {}

  /** A module port: direction and bits. */
  public record Port(String name, String direction, List<String> bits) {}

  /** A cell: instance name, type, and per-port direction and bits. */
  public record NetCell(String name, String type, Map<String, String> directions, Map<String, List<String>> connections) {}

  public static YosysNetlist parse(String json, String source) {
    JsonNode root;
    try {
      root = ManifestIo.mapper().readTree(json);
    } catch (IOException e) {
      throw new ToolException("Yosys netlist " + source + " is not JSON: " + e.getMessage());
    }
    JsonNode mods = root.get("modules");
    if (mods == null || !mods.isObject()) {
      throw new ToolException("Yosys netlist " + source + " has no modules");
    }
    Map<String, NetModule> modules = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = mods.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      JsonNode attrs = m.getValue().get("attributes");
      if (attrs != null && attrs.has("blackbox")) {
        continue;
      }
      Map<String, Port> ports = new LinkedHashMap<>();
      JsonNode ps = m.getValue().get("ports");
      if (ps != null) {
        for (Iterator<Map.Entry<String, JsonNode>> pi = ps.fields(); pi.hasNext(); ) {
          Map.Entry<String, JsonNode> p = pi.next();
          ports.put(p.getKey(), new Port(p.getKey(), p.getValue().get("direction").asText(), bits(p.getValue().get("bits"))));
        }
      }
      List<NetCell> cells = new ArrayList<>();
      JsonNode cs = m.getValue().get("cells");
      if (cs != null) {
        for (Iterator<Map.Entry<String, JsonNode>> ci = cs.fields(); ci.hasNext(); ) {
          Map.Entry<String, JsonNode> c = ci.next();
          Map<String, String> dirs = new LinkedHashMap<>();
          JsonNode pd = c.getValue().get("port_directions");
          if (pd != null) {
            pd.fields().forEachRemaining(e -> dirs.put(e.getKey(), e.getValue().asText()));
          }
          Map<String, List<String>> conns = new LinkedHashMap<>();
          c.getValue().get("connections").fields().forEachRemaining(e -> conns.put(e.getKey(), bits(e.getValue())));
          cells.add(new NetCell(c.getKey(), unescape(c.getValue().get("type").asText()), dirs, conns));
        }
      }
      String name = unescape(m.getKey());
      modules.put(name, new NetModule(name, ports, cells));
    }
    JsonNode creator = root.get("creator");
    return new YosysNetlist(creator == null ? "" : creator.asText(), modules);
  }

  private static List<String> bits(JsonNode arr) {
    List<String> out = new ArrayList<>();
    if (arr != null) {
      arr.forEach(b -> out.add(b.asText()));
    }
    return out;
  }

  static String unescape(String name) {
    return name.startsWith("\\") ? name.substring(1) : name;
  }
}
