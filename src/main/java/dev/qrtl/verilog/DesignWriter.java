package dev.qrtl.verilog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.core.Module;
import dev.qrtl.core.Signal;
import dev.qrtl.core.SignalKind;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.util.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a design's Verilog files and its manifest into a folder, each file atomically. */
public final class DesignWriter {
  private DesignWriter() {}

  /** The manifest describing {@code top} as emitted in {@code design}. */
  public static Manifest manifest(Module top, EmittedDesign design, String kind, JsonNode spec) {
    List<PortSpec> ports = new ArrayList<>();
    List<String> verilogNames = ModuleEmitter.portNames(top); // the names the Verilog declares
    Map<Signal, String> byPort = new java.util.IdentityHashMap<>();
    for (int i = 0; i < top.ports().size(); i++) {
      Signal p = top.ports().get(i);
      byPort.put(p, verilogNames.get(i));
      ports.add(new PortSpec(verilogNames.get(i), p.kind() == SignalKind.INPUT ? "input" : "output", p.type().width(), p.type().signed()));
    }
    return new Manifest(
        Manifest.FORMAT,
        top.name(),
        top.description(),
        kind,
        spec,
        null,
        ports,
        top.clock().map(byPort::get).orElse(null),
        top.reset().map(byPort::get).orElse(null),
        top.latency(),
        design.fileNames());
  }

  /**
   * Emits {@code top}, writes {@code <module>.v} files and {@code <top>.json} (its spec, typed
   * JSON from the scheme registry, or null for a design without one); returns the manifest path.
   */
  public static Path write(Module top, String kind, JsonNode spec, Path outDir) {
    EmittedDesign design = VerilogEmitter.emit(top);
    return write(top, design, kind, spec, outDir);
  }

  public static Path write(Module top, EmittedDesign design, String kind, JsonNode spec, Path outDir) {
    Manifest m = manifest(top, design, kind, spec);
    design.modules().forEach((name, text) -> AtomicFiles.writeString(outDir.resolve(name + ".v"), text));
    Path manifestPath = outDir.resolve(top.name() + ".json");
    AtomicFiles.writeString(manifestPath, ManifestIo.toJson(m));
    return manifestPath;
  }
}
