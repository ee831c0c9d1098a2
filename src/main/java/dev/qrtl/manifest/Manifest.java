package dev.qrtl.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tool needs to know about a generated top module.
 *
 * @param top the top module name
 * @param description one line on what it computes
 * @param kind the generator family (for example {@code quantizer}, {@code example})
 * @param params generator parameters, as strings, in the generator's order
 * @param ports every port of the top, clock and reset included
 * @param clock the clock port name, or null for combinational designs
 * @param reset the synchronous active-high reset port name, or null
 * @param latency cycles from an input to its output (0 = combinational)
 * @param files Verilog files relative to the manifest, children first, the top last
 */
@JsonPropertyOrder({"format", "top", "description", "kind", "params", "ports", "clock", "reset", "latency", "files"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Manifest(
    int format,
    String top,
    String description,
    String kind,
    Map<String, String> params,
    List<PortSpec> ports,
    String clock,
    String reset,
    int latency,
    List<String> files) {
  /** The manifest format this version writes and reads. */
  public static final int FORMAT = 1;

  public Manifest {
    if (format != FORMAT) {
      throw new IllegalArgumentException("manifest format " + format + " is not supported (expected " + FORMAT + ")");
    }
    if (top == null || top.isEmpty()) {
      throw new IllegalArgumentException("manifest has no top module name");
    }
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    ports = ports == null ? List.of() : List.copyOf(ports);
    files = files == null ? List.of() : List.copyOf(files);
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("manifest of '" + top + "' lists no ports");
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("manifest of '" + top + "' lists no Verilog files");
    }
    if (latency < 0) {
      throw new IllegalArgumentException("manifest of '" + top + "' has negative latency " + latency);
    }
    description = description == null ? "" : description;
    kind = kind == null ? "" : kind;
  }

  public List<PortSpec> inputs() {
    return ports.stream().filter(PortSpec::isInput).toList();
  }

  public List<PortSpec> outputs() {
    return ports.stream().filter(p -> !p.isInput()).toList();
  }

  /** The inputs a test drives each cycle: every input but the clock (the reset included). */
  public List<PortSpec> dataInputs() {
    return ports.stream().filter(p -> p.isInput() && !p.name().equals(clock)).toList();
  }

  public PortSpec port(String name) {
    return ports.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("manifest of '" + top + "' has no port '" + name + "'"));
  }
}
