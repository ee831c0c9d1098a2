package dev.qrtl.synth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.tools.ToolException;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Yosys's {@code stat -json -liberty} output: cell counts by type per module, and (in Yosys
 * versions newer than 0.23) the area Yosys computed from the library. Yosys 0.23 writes no area in
 * JSON; qrtl computes area from the cell counts and the library, the same way. Newer versions may
 * write each count as an object ({@code {"count": N, "area": A, ...}}): both forms are read.
 */
public record YosysStat(String creator, Map<String, Map<String, Long>> cellsByModule, Map<String, OptionalDouble> areaByModule) {
  public static YosysStat parse(String json, String source) {
    JsonNode root;
    try {
      // Yosys 0.23 prints its hierarchy table into the JSON of a hierarchical design (lines such as
      // "    mac_pe 64" between the modules and "design"): drop lines that cannot be JSON.
      String cleaned = json.lines().filter(l -> !l.matches("\\s+[A-Za-z_$\\\\][^\"{}:]*\\s+\\d+\\s*"))
          .reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'), StringBuilder::append).toString();
      root = JsonShape.parse(cleaned, "Yosys stat output", source);
    } catch (RuntimeException e) {
      if (e instanceof ToolException te) {
        throw te;
      }
      throw new ToolException("Yosys stat output " + source + " is not JSON: " + JsonShape.oneLine(e.getMessage()));
    }
    JsonNode mods = root.get("modules");
    if (mods == null || !mods.isObject()) {
      throw new ToolException("Yosys stat output " + source + " has no modules");
    }
    Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
    Map<String, OptionalDouble> areas = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = mods.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      if (!m.getValue().isObject()) {
        throw JsonShape.expected("Yosys stat output", source, "modules." + m.getKey(), "an object");
      }
      Map<String, Long> byType = new LinkedHashMap<>();
      JsonNode t = m.getValue().get("num_cells_by_type");
      if (t != null && !t.isObject()) {
        throw JsonShape.expected("Yosys stat output", source, "modules." + m.getKey() + ".num_cells_by_type", "an object");
      }
      if (t != null) {
        t.fields().forEachRemaining(e -> byType.put(YosysNetlist.unescape(e.getKey()),
            e.getValue().isObject() ? e.getValue().path("count").asLong() : e.getValue().asLong()));
      }
      String name = YosysNetlist.unescape(m.getKey());
      cells.put(name, byType);
      JsonNode area = m.getValue().get("area");
      areas.put(name, area == null ? OptionalDouble.empty() : OptionalDouble.of(area.asDouble()));
    }
    JsonNode creator = root.get("creator");
    return new YosysStat(creator == null ? "" : creator.asText(), cells, areas);
  }
}
