package dev.qrtl.verilog;

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

/** Writes a design's Verilog files and its manifest into a folder, each file atomically. */
public final class DesignWriter {
  private DesignWriter() {}

  /** The manifest describing {@code top} as emitted in {@code design}. */
  public static Manifest manifest(Module top, EmittedDesign design, String kind) {
    List<PortSpec> ports = new ArrayList<>();
    for (Signal p : top.ports()) {
      ports.add(new PortSpec(
          p.name(), p.kind() == SignalKind.INPUT ? "input" : "output", p.type().width(), p.type().signed()));
    }
    return new Manifest(
        Manifest.FORMAT,
        top.name(),
        top.description(),
        kind,
        top.params(),
        ports,
        top.clock().map(Signal::name).orElse(null),
        top.reset().map(Signal::name).orElse(null),
        top.latency(),
        design.fileNames());
  }

  /** Emits {@code top}, writes {@code <module>.v} files and {@code <top>.json}; returns the manifest path. */
  public static Path write(Module top, String kind, Path outDir) {
    EmittedDesign design = VerilogEmitter.emit(top);
    return write(top, design, kind, outDir);
  }

  public static Path write(Module top, EmittedDesign design, String kind, Path outDir) {
    Manifest m = manifest(top, design, kind);
    design.modules().forEach((name, text) -> AtomicFiles.writeString(outDir.resolve(name + ".v"), text));
    Path manifestPath = outDir.resolve(top.name() + ".json");
    AtomicFiles.writeString(manifestPath, ManifestIo.toJson(m));
    return manifestPath;
  }
}
