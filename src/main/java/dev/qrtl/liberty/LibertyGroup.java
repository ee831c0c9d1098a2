package dev.qrtl.liberty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Liberty group: {@code type (args) { simple : value; complex (v, ...); groups }}. Values keep
 * their text (quotes removed); numbers are parsed by the model.
 */
public final class LibertyGroup {
  private final String type;
  private final List<String> args;
  private final Map<String, String> simple = new LinkedHashMap<>();
  private final Map<String, List<List<String>>> complex = new LinkedHashMap<>();
  private final List<LibertyGroup> groups = new ArrayList<>();

  LibertyGroup(String type, List<String> args) {
    this.type = type;
    this.args = List.copyOf(args);
  }

  public String type() {
    return type;
  }

  public List<String> args() {
    return args;
  }

  /** The first argument, or empty. */
  public String name() {
    return args.isEmpty() ? "" : args.get(0);
  }

  public String attr(String key) {
    return simple.get(key);
  }

  /** The values of a complex attribute ({@code key (v, ...);}); the first occurrence if it repeats. */
  public List<String> complexAttr(String key) {
    List<List<String>> all = complex.get(key);
    return all == null ? null : all.get(0);
  }

  /** Every occurrence of a complex attribute that may repeat (such as {@code fanout_length}), in order. */
  public List<List<String>> complexAttrs(String key) {
    return complex.getOrDefault(key, List.of());
  }

  public List<LibertyGroup> groups() {
    return groups;
  }

  public List<LibertyGroup> groups(String groupType) {
    return groups.stream().filter(g -> g.type.equals(groupType)).toList();
  }

  void putSimple(String key, String value) {
    simple.put(key, value);
  }

  void putComplex(String key, List<String> values) {
    complex.computeIfAbsent(key, k -> new ArrayList<>()).add(values);
  }

  void add(LibertyGroup g) {
    groups.add(g);
  }
}
