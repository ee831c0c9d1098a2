package dev.qrtl.kind;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Path;

/** Any design from its spec, written with its typed manifest; and the spec a manifest describes. */
public final class Designs {
  private Designs() {}

  /** Generates the design a spec describes, by its kind ({@link DesignKinds}). */
  public static GeneratedDesign generate(DesignSpec spec) {
    return GeneratedDesign.of(DesignKinds.of(spec).generateAny(spec), spec);
  }

  /** Writes the design's Verilog and its format-2 manifest into {@code dir}; returns the manifest. */
  public static Path write(GeneratedDesign d, Path dir) {
    return write(d, dir, dev.qrtl.verilog.EmitOptions.DEFAULT);
  }

  /** {@link #write(GeneratedDesign, Path)} with the Verilog written as {@code options} say. */
  public static Path write(GeneratedDesign d, Path dir, dev.qrtl.verilog.EmitOptions options) {
    return DesignWriter.write(d.module(), dev.qrtl.verilog.VerilogEmitter.emit(d.module(), options), d.kind(),
        d.spec() == null ? null : SpecJson.toTree(d.spec()), dir);
  }

  /** Writes a circuit built by hand (no spec, no golden model of its own) with its manifest; returns the manifest. */
  public static Path writeExample(dev.qrtl.core.Module module, Path dir) {
    return DesignWriter.write(module, ExampleKind.NAME, null, dir);
  }

  /** Generates and writes. */
  public static Path write(DesignSpec spec, Path dir) {
    return write(generate(spec), dir);
  }

  /**
   * Reads a manifest and checks everything in it before any tool sees it: names, paths and ranges
   * (by construction), and the spec of any design that has one (format 2, or format 1's
   * parameters). A command that starts a tool reads its manifest through here.
   */
  public static Manifest read(Path manifestPath) {
    Manifest m = dev.qrtl.manifest.ManifestIo.read(manifestPath);
    if (m.spec() != null || !m.typed() && DesignKinds.find(m.kind()).flatMap(DesignKind::specType).isPresent()) {
      specOf(m, manifestPath.toString());
    }
    return m;
  }

  /** The spec a manifest describes: its typed spec (format 2) or its format-1 parameters. */
  public static DesignSpec specOf(Manifest m, String source) {
    if (m.typed()) {
      if (m.spec() == null) {
        throw new ManifestException("no golden model for designs of kind '" + m.kind() + "' (" + m.top() + "): its manifest carries no spec");
      }
      return SpecJson.fromTree(m.kind(), m.spec(), source);
    }
    return Format1Specs.of(m.kind(), m.params(), source);
  }
}
