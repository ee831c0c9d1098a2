package dev.qrtl.synth;

import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibraryReader;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.sim.CacheDirs;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Finds a library: a Liberty file (plain or gzip), the embedded default ({@code --tech default},
 * qrtl's compact 45 nm library derived from NanGate45), or a named technology looked up in
 * {@code $QRTL_TECH_DIR} or, for SKY130, the open-PDK install under {@code $PDK_ROOT}. Yosys needs
 * plain text, so compressed and embedded libraries are unpacked once into the cache.
 */
public final class TechLibraries {
  /** The embedded default library's resource path. */
  public static final String DEFAULT_RESOURCE = "/dev/qrtl/tech/qrtl_default45.lib";

  private TechLibraries() {}

  /** A library ready for Yosys (plain file) and for qrtl (parsed). */
  public record Resolved(Path plainFile, Library library) {}

  public static Resolved resolve(String tech, Path liberty) {
    if (liberty != null) {
      return fromFile(liberty);
    }
    String t = tech == null ? "default" : tech;
    switch (t) {
      case "default":
        return embedded();
      case "nangate45":
        return fromFile(find(t, "nangate45_typ.lib", null));
      case "sky130hd":
        return fromFile(find(t, "sky130hd_tt.lib",
            "sky130A/libs.ref/sky130_fd_sc_hd/lib/sky130_fd_sc_hd__tt_025C_1v80.lib"));
      default:
        throw new LibertyException("unknown technology '" + t + "'; use default, nangate45, sky130hd, or --liberty FILE");
    }
  }

  private static Path find(String tech, String fileName, String pdkRelative) {
    String dir = System.getenv("QRTL_TECH_DIR");
    if (dir != null) {
      for (String f : new String[] {fileName, fileName + ".gz"}) {
        Path p = Path.of(dir, f);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    String pdk = System.getenv("PDK_ROOT");
    if (pdk != null && pdkRelative != null && Files.isRegularFile(Path.of(pdk, pdkRelative))) {
      return Path.of(pdk, pdkRelative);
    }
    throw new LibertyException("cannot find the " + tech + " library: put " + fileName + "(.gz) in $QRTL_TECH_DIR"
        + (pdkRelative == null ? "" : ", install the open PDK under $PDK_ROOT") + ", or pass --liberty FILE");
  }

  public static Resolved fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new LibertyException("Liberty file " + file + " does not exist");
    }
    Library lib = LibraryReader.read(file);
    Path plain = file;
    try (InputStream in = Files.newInputStream(file)) {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 == 0x1f && b1 == 0x8b) {
        plain = CacheDirs.root().resolve("tech").resolve(lib.sha256().substring(0, 16) + "-" + stripGz(file.getFileName().toString()));
        if (!Files.isRegularFile(plain)) {
          try (InputStream gz = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            gz.transferTo(out);
            AtomicFiles.write(plain, out.toByteArray());
          }
        }
      }
    } catch (IOException e) {
      throw new LibertyException("cannot unpack " + file + ": " + e.getMessage());
    }
    return new Resolved(plain, lib);
  }

  private static Resolved embedded() {
    byte[] bytes;
    try (InputStream in = TechLibraries.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new LibertyException("the embedded default library is missing from this build of qrtl");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new LibertyException("cannot read the embedded default library: " + e.getMessage());
    }
    Path plain = CacheDirs.root().resolve("tech").resolve(Hashing.sha256(bytes).substring(0, 16) + "-qrtl_default45.lib");
    if (!Files.isRegularFile(plain)) {
      AtomicFiles.write(plain, bytes);
    }
    return new Resolved(plain, LibraryReader.read(plain));
  }

  private static String stripGz(String name) {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }
}
