package dev.qrtl.liberty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A library's wire-load models and how it chooses among them: {@code default_wire_load},
 * {@code default_wire_load_mode} (top, enclosed or segmented) and the
 * {@code wire_load_selection} groups (a model per range of design area), with
 * {@code default_wire_load_selection} naming the one to use.
 *
 * @param models the models by name
 * @param defaultModel the {@code default_wire_load}, or null
 * @param mode the {@code default_wire_load_mode}, or null (Liberty's default is top)
 * @param selections the area ranges of each {@code wire_load_selection} group, by group name
 * @param defaultSelection the {@code default_wire_load_selection}, or null
 */
public record WireLoads(Map<String, WireLoad> models, String defaultModel, String mode, Map<String, List<AreaRange>> selections,
    String defaultSelection) {
  /** No wire-load information. */
  public static final WireLoads NONE = new WireLoads(Map.of(), null, null, Map.of(), null);

  /** One {@code wire_load_from_area (min, max, model)} entry. */
  public record AreaRange(double minArea, double maxArea, String model) {}

  public WireLoads {
    models = Map.copyOf(models);
    selections = Map.copyOf(selections);
  }

  /** The selection group the library uses: its default, or its only one. */
  public Optional<List<AreaRange>> selection() {
    if (defaultSelection != null && selections.containsKey(defaultSelection)) {
      return Optional.of(selections.get(defaultSelection));
    }
    return selections.size() == 1 ? Optional.of(selections.values().iterator().next()) : Optional.empty();
  }

  /**
   * The model a selection table gives a design of {@code area}: the range whose minimum is the
   * largest not above the area (the first range below it, the last above it), as OpenSTA picks.
   */
  public static String byArea(List<AreaRange> ranges, double area) {
    List<AreaRange> sorted = ranges.stream().sorted(java.util.Comparator.comparingDouble(AreaRange::minArea)).toList();
    String pick = sorted.get(0).model();
    for (AreaRange r : sorted) {
      if (area >= r.minArea()) {
        pick = r.model();
      }
    }
    return pick;
  }

  /** The wire-load mode in effect: the library's, or top. */
  public String effectiveMode() {
    return mode == null ? "top" : mode;
  }
}
