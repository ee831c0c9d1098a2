package dev.qrtl.synth;

import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibraryReader;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.util.CacheDirs;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.CacheStore;
import dev.qrtl.util.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Finds a library: a Liberty file (plain or gzip), the embedded default ({@code --tech default},
 * qrtl's compact 45 nm library derived from NanGate45), or a named technology. A named technology
 * is looked up in {@code $QRTL_TECH_DIR}, then (SKY130) in the open-PDK install under
 * {@code $PDK_ROOT}, then in the copy the jar carries (from the repository's {@code synth/tech/},
 * checked against its recorded SHA-256). Yosys needs plain text, so compressed and embedded
 * libraries are unpacked into the cache, and an unpacked copy is used only while its bytes still
 * match its source.
 */
public final class TechLibraries {
  /** The embedded default library's resource path. */
  public static final String DEFAULT_RESOURCE = "/dev/qrtl/tech/qrtl_default45.lib";

  /** Where the jar keeps the bundled libraries and their hashes ({@code synth/tech/} in the repository). */
  static final String BUNDLE = "/dev/qrtl/tech/";

  /** A technology qrtl knows by name. */
  public record Known(String name, String fileName, String pdkRelative, String description) {}

  /** Every named technology, in the order {@code qrtl tech list} prints them. */
  public static final List<Known> KNOWN = List.of(
      new Known("default", "qrtl_default45.lib", null, "qrtl's compact 45 nm library, embedded (derived from NanGate45)"),
      new Known("nangate45", "nangate45_typ.lib", null, "NanGate45 Open Cell Library, typical, 25 C, 1.10 V"),
      new Known("sky130hd", "sky130hd_tt.lib",
          "sky130A/libs.ref/sky130_fd_sc_hd/lib/sky130_fd_sc_hd__tt_025C_1v80.lib", "SkyWater SKY130 hd, tt, 25 C, 1.80 V"));

  private TechLibraries() {}

  /** A library ready for Yosys (plain file) and for qrtl (parsed), and where it was found. */
  public record Resolved(Path plainFile, Library library, String source) {
    public Resolved(Path plainFile, Library library) {
      this(plainFile, library, plainFile.toString());
    }
  }

  /** Where a named technology's file was found: a file on disk, or the copy inside the jar. */
  public record Location(String tech, String source, Path file, String resource) {}

  public static Resolved resolve(String tech, Path liberty) {
    if (liberty != null) {
      return fromFile(liberty);
    }
    Location where = locate(tech == null ? "default" : tech);
    if (where.file() != null) {
      Resolved r = fromFile(where.file());
      return new Resolved(r.plainFile(), r.library(), where.source());
    }
    if (where.tech().equals("default")) {
      return embedded();
    }
    return bundled(where);
  }

  /** Where {@code tech} would be read from; a one-line error for an unknown name or a missing library. */
  public static Location locate(String tech) {
    Known k = known(tech).orElseThrow(() -> new LibertyException("unknown technology '" + tech + "'; use "
        + String.join(", ", KNOWN.stream().map(Known::name).toList()) + ", or --liberty FILE"));
    if (k.name().equals("default")) {
      return new Location("default", "embedded in qrtl (" + DEFAULT_RESOURCE.substring(1) + ")", null, DEFAULT_RESOURCE);
    }
    String dir = System.getenv("QRTL_TECH_DIR");
    if (dir != null && !dir.isBlank()) {
      for (String f : new String[] {k.fileName(), k.fileName() + ".gz"}) {
        Path p = Path.of(dir, f);
        if (Files.isRegularFile(p)) {
          return new Location(k.name(), "$QRTL_TECH_DIR: " + p, p, null);
        }
      }
    }
    String pdk = System.getenv("PDK_ROOT");
    if (pdk != null && !pdk.isBlank() && k.pdkRelative() != null && Files.isRegularFile(Path.of(pdk, k.pdkRelative()))) {
      Path p = Path.of(pdk, k.pdkRelative());
      return new Location(k.name(), "$PDK_ROOT: " + p, p, null);
    }
    String resource = BUNDLE + k.fileName() + ".gz";
    if (TechLibraries.class.getResource(resource) == null) {
      throw new LibertyException("cannot find the " + k.name() + " library: this build of qrtl does not carry it; put "
          + k.fileName() + "(.gz) in $QRTL_TECH_DIR" + (k.pdkRelative() == null ? "" : ", install the open PDK under $PDK_ROOT")
          + ", or pass --liberty FILE");
    }
    return new Location(k.name(), "bundled with qrtl (synth/tech/" + k.fileName() + ".gz)", null, resource);
  }

  private static Optional<Known> known(String name) {
    return KNOWN.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** One line of {@code qrtl tech list}. */
  public record Listing(String tech, String library, String corner, String sha256, String source) {}

  /** Every named technology: where it is found and its hash (a technology that is not found says why). */
  public static List<Listing> list() {
    List<Listing> out = new ArrayList<>();
    for (Known k : KNOWN) {
      try {
        Resolved r = resolve(k.name(), null);
        out.add(new Listing(k.name(), r.library().name(), r.library().corner(), r.library().sha256(), r.source()));
      } catch (LibertyException e) {
        out.add(new Listing(k.name(), "-", "-", "-", e.getMessage()));
      }
    }
    return out;
  }

  public static Resolved fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new LibertyException("Liberty file " + file + " does not exist");
    }
    Library lib = LibraryReader.read(file);
    Path plain = file;
    if (isGzip(file)) {
      byte[] text;
      try (InputStream gz = new GZIPInputStream(Files.newInputStream(file))) {
        text = gz.readAllBytes();
      } catch (IOException e) {
        throw new LibertyException("cannot unpack " + file + ": " + e.getMessage());
      }
      plain = cached(lib.sha256().substring(0, 16) + "-" + stripGz(file.getFileName().toString()), text);
    }
    return new Resolved(plain, lib, file.toString());
  }

  /** The library the jar carries, checked against the hash recorded beside it, read as a file in the cache. */
  private static Resolved bundled(Location where) {
    byte[] bytes = resourceBytes(where.resource());
    String name = where.resource().substring(BUNDLE.length());
    String expected = bundledHashes().get(name);
    String actual = Hashing.sha256File(bytes);
    if (expected == null || !expected.equals(actual)) {
      throw new LibertyException("the " + where.tech() + " library bundled with qrtl is damaged: SHA-256 " + actual
          + (expected == null ? " is not recorded" : " is not the recorded " + expected) + "; rebuild qrtl");
    }
    Path copy = cached(actual.substring(0, 16) + "-" + name, bytes);
    Resolved r = fromFile(copy);
    return new Resolved(r.plainFile(), r.library(), where.source());
  }

  /** The SHA-256 of each bundled library, from the {@code SHA256SUMS} the jar carries. */
  static Map<String, String> bundledHashes() {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : new String(resourceBytes(BUNDLE + "SHA256SUMS"), StandardCharsets.UTF_8).split("\n")) {
      String[] parts = line.trim().split("\\s+\\*?", 2);
      if (parts.length == 2) {
        sums.put(parts[1], parts[0]);
      }
    }
    return sums;
  }

  private static Resolved embedded() {
    byte[] bytes = resourceBytes(DEFAULT_RESOURCE);
    Path plain = cached(Hashing.sha256File(bytes).substring(0, 16) + "-qrtl_default45.lib", bytes);
    return new Resolved(plain, LibraryReader.read(plain), "embedded in qrtl (" + DEFAULT_RESOURCE.substring(1) + ")");
  }

  private static byte[] resourceBytes(String resource) {
    try (InputStream in = TechLibraries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LibertyException(resource.substring(1) + " is missing from this build of qrtl");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new LibertyException("cannot read " + resource.substring(1) + " from qrtl's jar: " + e.getMessage());
    }
  }

  /**
   * {@code bytes} as the file {@code name} in the cache's {@code tech/} folder. An existing copy is
   * used only if it holds exactly these bytes; a damaged or edited one is replaced (and said so).
   */
  private static Path cached(String name, byte[] bytes) {
    Path p = CacheDirs.root().resolve("tech").resolve(name);
    try {
      if (Files.isRegularFile(p)) {
        if (Files.size(p) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(p), bytes)) {
          return p;
        }
        CacheStore.report("cache entry " + p + " (an unpacked library) does not match its source; discarded and rebuilt");
      }
    } catch (IOException e) {
      CacheStore.report("cache entry " + p + " (an unpacked library) cannot be read (" + e.getMessage() + "); discarded and rebuilt");
    }
    AtomicFiles.write(p, bytes);
    return p;
  }

  private static boolean isGzip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      throw new LibertyException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String stripGz(String name) {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }
}
