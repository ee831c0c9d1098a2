package dev.qrtl.manifest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a tool needs to know about a generated top module. Validated by construction: the top,
 * module (file) and port names are legal simple Verilog identifiers and no keywords, every file
 * is a relative path that stays inside the manifest's folder, widths and latency are in range.
 * So nothing read from a manifest can smuggle text into a tool's script or read outside its folder.
 *
 * <p>Format 2 carries the design's spec as typed JSON ({@code spec}: the scheme as a
 * discriminator, nested epilogue specs for MAC designs); format 1 carried generator parameters
 * as strings ({@code params}), which still read.
 *
 * @param format 1 or 2
 * @param top the top module name
 * @param description one line on what it computes
 * @param kind the design family ({@code quantizer}, {@code mac-array}, {@code unified}, {@code conventional}, {@code example})
 * @param spec format 2: the design's spec as typed JSON, or null for designs without one ({@code example})
 * @param params format 1: generator parameters as strings (empty in format 2)
 * @param ports every port of the top, clock and reset included
 * @param clock the clock port name, or null for combinational designs
 * @param reset the synchronous active-high reset port name, or null
 * @param latency cycles from an input to its output (0 = combinational)
 * @param files Verilog files relative to the manifest, children first, the top last
 */
@JsonPropertyOrder({"format", "top", "description", "kind", "spec", "params", "ports", "clock", "reset", "latency", "files"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Manifest(
    int format,
    String top,
    String description,
    String kind,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode spec,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> params,
    List<PortSpec> ports,
    String clock,
    String reset,
    int latency,
    List<String> files) {
  /** The manifest format this version writes. */
  public static final int FORMAT = 2;
  /** The oldest format it still reads. */
  public static final int OLDEST_FORMAT = 1;
  public static final int MAX_WIDTH = 4096;
  public static final int MAX_LATENCY = 1 << 20;
  public static final int MAX_FILES = 10_000;

  public Manifest {
    if (format < OLDEST_FORMAT || format > FORMAT) {
      throw new IllegalArgumentException("manifest format " + format + " is not supported (this qrtl reads formats "
          + OLDEST_FORMAT + " to " + FORMAT + ")");
    }
    identifier("top module", top);
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    if (format >= 2 && !params.isEmpty()) {
      throw new IllegalArgumentException("manifest of '" + top + "': format " + format + " has no 'params' (its spec is typed)");
    }
    spec = spec == null || spec.isNull() ? null : spec.deepCopy();
    ports = ports == null ? List.of() : List.copyOf(ports);
    files = files == null ? List.of() : List.copyOf(files);
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("manifest of '" + top + "' lists no ports");
    }
    Set<String> names = new HashSet<>();
    for (PortSpec p : ports) {
      identifier("port", p.name());
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("manifest of '" + top + "' lists port '" + p.name() + "' twice");
      }
      if (p.width() > MAX_WIDTH) {
        throw new IllegalArgumentException("port '" + p.name() + "' has width " + p.width() + ", over " + MAX_WIDTH);
      }
    }
    for (String[] c : new String[][] {{"clock", clock}, {"reset", reset}}) {
      if (c[1] != null) {
        PortSpec p = ports.stream().filter(x -> x.name().equals(c[1])).findFirst().orElseThrow(() -> new IllegalArgumentException(
            "manifest of '" + top + "': its " + c[0] + " '" + c[1] + "' is not one of its ports"));
        if (!p.isInput() || p.width() != 1) {
          throw new IllegalArgumentException("manifest of '" + top + "': its " + c[0] + " '" + c[1] + "' must be a 1-bit input");
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("manifest of '" + top + "' lists no Verilog files");
    }
    if (files.size() > MAX_FILES) {
      throw new IllegalArgumentException("manifest of '" + top + "' lists more than " + MAX_FILES + " files");
    }
    for (String f : files) {
      checkFileName(f);
    }
    if (latency < 0 || latency > MAX_LATENCY) {
      throw new IllegalArgumentException("manifest of '" + top + "' has latency " + latency + ", outside 0.." + MAX_LATENCY);
    }
    description = description == null ? "" : description;
    kind = kind == null ? "" : kind;
    if (!kind.isEmpty() && !kind.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("manifest of '" + top + "' has kind '" + kind + "', not a lower-case word");
    }
  }

  private static void identifier(String what, String name) {
    String problem = VerilogNames.problem(name);
    if (problem != null) {
      throw new IllegalArgumentException(what + " name '" + VerilogNames.printable(name) + "' " + problem);
    }
  }

  /** A file entry: a relative path to a {@code .v} or {@code .sv} file named after a legal module, no {@code ..}. */
  private static void checkFileName(String f) {
    if (f == null || f.isEmpty()) {
      throw new IllegalArgumentException("a manifest file entry is empty");
    }
    if (f.startsWith("/") || f.startsWith("\\") || f.contains("\\") || f.matches("^[A-Za-z]:.*")) {
      throw new IllegalArgumentException("file '" + VerilogNames.printable(f) + "' is an absolute path; a manifest lists files relative to its folder");
    }
    Path p = Path.of(f).normalize();
    if (p.startsWith("..") || p.toString().isEmpty()) {
      throw new IllegalArgumentException("file '" + VerilogNames.printable(f) + "' lies outside the manifest's folder");
    }
    String base = p.getFileName().toString();
    String stem = base.endsWith(".sv") ? base.substring(0, base.length() - 3) : base.endsWith(".v") ? base.substring(0, base.length() - 2) : null;
    if (stem == null) {
      throw new IllegalArgumentException("file '" + VerilogNames.printable(f) + "' is not a Verilog file (.v or .sv)");
    }
    String problem = VerilogNames.problem(stem);
    if (problem != null) {
      throw new IllegalArgumentException("file '" + VerilogNames.printable(f) + "': module name '" + VerilogNames.printable(stem) + "' " + problem);
    }
  }

  /**
   * The files as paths inside {@code dir}, each checked after resolving symbolic links: a link
   * that leads out of the folder, or a missing file, is an error naming it.
   */
  public List<Path> resolveFiles(Path dir) {
    Path root;
    try {
      root = dir.toRealPath();
    } catch (java.io.IOException e) {
      throw new ManifestException("the folder of manifest '" + top + "' (" + dir + ") cannot be read: " + e.getMessage());
    }
    List<Path> out = new java.util.ArrayList<>();
    for (String f : files) {
      Path p = dir.resolve(f);
      Path real;
      try {
        real = p.toRealPath();
      } catch (java.io.IOException e) {
        throw new ManifestException("manifest of '" + top + "' lists " + f + ", which does not exist");
      }
      if (!real.startsWith(root)) {
        throw new ManifestException("manifest of '" + top + "' lists " + f + ", which leads outside its folder (to " + real + ")");
      }
      if (!java.nio.file.Files.isRegularFile(real)) {
        throw new ManifestException("manifest of '" + top + "' lists " + f + ", which is not a file");
      }
      out.add(real);
    }
    return out;
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

  /** Whether this manifest carries a typed spec (format 2). */
  @JsonIgnore
  public boolean typed() {
    return format >= 2;
  }
}
