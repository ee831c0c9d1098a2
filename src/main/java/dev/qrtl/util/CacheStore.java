package dev.qrtl.util;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one way qrtl caches results: each entry is a folder {@code <cache>/<kind>/<key>/} holding
 * the result files and a record {@code qrtl-entry.json} (kind, key, what it is, the qrtl version,
 * and the size and SHA-256 of every file). An entry is built in a scratch folder beside it,
 * checked by the caller's validator (a result that is no result, such as an empty netlist, is a
 * tool failure, never cached), and published by one atomic rename. Every read verifies the
 * record and every file; a damaged, truncated, edited or incomplete entry is reported in one line
 * naming it, discarded and rebuilt. Two processes building the same entry cannot corrupt it: one
 * rename wins, the other process verifies and uses the winner's. Works on a shared file system
 * (no locks; only atomic renames).
 */
public final class CacheStore {
  public static final String RECORD = "qrtl-entry.json";
  private static final ObjectMapper JSON = StrictJson.builder().build();
  private static volatile Consumer<String> reporter = m -> System.err.println("qrtl: " + m);

  private CacheStore() {}

  /** Writes an entry's files into a fresh folder. */
  @FunctionalInterface
  public interface Builder {
    void build(Path work) throws IOException;
  }

  /** Checks built (or cached) files are a result; throws with the reason otherwise. */
  @FunctionalInterface
  public interface Validator {
    void check(Path dir);
  }

  /** A file of an entry. */
  @JsonPropertyOrder({"name", "size", "sha256"})
  public record FileDigest(String name, long size, String sha256) {}

  /** An entry's record. */
  @JsonPropertyOrder({"kind", "key", "description", "qrtl", "files"})
  public record Record(String kind, String key, String description, String qrtl, List<FileDigest> files) {}

  /** Where damaged entries are reported (stderr by default; tests may collect them). */
  public static Consumer<String> reporter(Consumer<String> r) {
    Consumer<String> old = reporter;
    reporter = r;
    return old;
  }

  /** Reports a damaged cache item (one line, naming it). */
  public static void report(String message) {
    reporter.accept(message);
  }

  public static Path folder(String kind) {
    return CacheDirs.root().resolve(kind);
  }

  /**
   * The verified entry {@code key} of {@code kind}, built with {@code builder} if it is missing or
   * damaged. Returns the entry's folder.
   */
  public static Path get(String kind, String key, String description, Builder builder, Validator validator) {
    checkName(kind);
    checkName(key);
    Path dir = folder(kind).resolve(key);
    if (Files.exists(dir)) {
      String why = verify(dir, kind, key, validator);
      if (why == null) {
        return dir;
      }
      reporter.accept("cache entry " + dir + " (" + description + ") " + why + "; discarded and rebuilt");
      discard(dir);
    }
    return build(kind, key, description, builder, validator, dir);
  }

  /** The verified entry if it is there and sound (a damaged one is discarded, and said so). */
  public static java.util.Optional<Path> lookup(String kind, String key, String description, Validator validator) {
    Path dir = folder(kind).resolve(key);
    if (!Files.exists(dir)) {
      return java.util.Optional.empty();
    }
    String why = verify(dir, kind, key, validator);
    if (why == null) {
      return java.util.Optional.of(dir);
    }
    reporter.accept("cache entry " + dir + " (" + description + ") " + why + "; discarded and rebuilt");
    discard(dir);
    return java.util.Optional.empty();
  }

  private static Path build(String kind, String key, String description, Builder builder, Validator validator, Path dir) {
    Path work;
    try {
      work = Lifecycle.scratchDirectory(dir.getParent(), ".tmp-" + key + "." + host() + "." + ProcessHandle.current().pid() + ".");
    } catch (IOException e) {
      throw new QrtlException("cannot create a cache folder under " + dir.getParent() + ": " + e.getMessage(), e);
    }
    try {
      builder.build(work);
      validator.check(work);
      writeRecord(work, new Record(kind, key, description, QrtlVersion.version(), digests(work)));
      if (Lifecycle.shuttingDown()) {
        throw new QrtlException("qrtl is stopping; " + description + " is not cached");
      }
      return publish(work, dir, kind, key, validator);
    } catch (IOException e) {
      throw new QrtlException("cannot store " + description + " in the cache (" + dir + "): " + e.getMessage(), e);
    } finally {
      Trees.delete(work);
      Lifecycle.keep(work);
    }
  }

  /**
   * Renames the finished folder into place. Another process may have published the same entry
   * first (Linux reports that as ENOTEMPTY, which Java maps to a plain FileSystemException, not to
   * DirectoryNotEmptyException): the winner's entry is used if it verifies, else replaced.
   */
  private static Path publish(Path work, Path dir, String kind, String key, Validator validator) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        Lifecycle.keep(work);
        return dir;
      } catch (AtomicMoveNotSupportedException e) {
        throw new QrtlException("the cache folder " + dir.getParent() + " does not support atomic renames", e);
      } catch (IOException e) {
        if (!Files.exists(dir) || attempt >= 3) {
          throw e;
        }
        if (verify(dir, kind, key, validator) == null) {
          return dir;
        }
        discard(dir);
      }
    }
  }

  /** Null if the entry is sound; else why not. */
  static String verify(Path dir, String kind, String key, Validator validator) {
    Path rec = dir.resolve(RECORD);
    if (!Files.isRegularFile(rec)) {
      return "has no record (an interrupted or older entry)";
    }
    Record r;
    try {
      r = JSON.readValue(Files.readString(rec), Record.class);
    } catch (IOException | RuntimeException e) {
      return "has a damaged record";
    }
    if (r.files() == null || !kind.equals(r.kind()) || !key.equals(r.key())) {
      return "has a record of another entry";
    }
    for (FileDigest f : r.files()) {
      Path p = dir.resolve(f.name()).normalize();
      if (!p.startsWith(dir)) {
        return "names a file outside itself";
      }
      try {
        if (!Files.isRegularFile(p)) {
          return "lacks " + f.name();
        }
        if (Files.size(p) != f.size()) {
          return "has " + f.name() + " of " + Files.size(p) + " bytes, not " + f.size();
        }
        if (!sha256(p).equals(f.sha256())) {
          return "has " + f.name() + " with other contents than were stored";
        }
      } catch (IOException e) {
        return "cannot be read (" + e.getMessage() + ")";
      }
    }
    try {
      validator.check(dir);
    } catch (RuntimeException e) {
      return "does not hold a result (" + e.getMessage() + ")";
    }
    return null;
  }

  private static List<FileDigest> digests(Path work) throws IOException {
    List<FileDigest> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(work)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        String name = work.relativize(p).toString();
        if (!name.equals(RECORD)) {
          out.add(new FileDigest(name, Files.size(p), sha256(p)));
        }
      }
    }
    return out;
  }

  private static void writeRecord(Path work, Record r) throws IOException {
    Files.writeString(work.resolve(RECORD), JSON.writeValueAsString(r) + "\n");
  }

  /** Moves a damaged entry out of the way (atomically), then deletes it. */
  static void discard(Path dir) {
    try {
      Path trash = dir.resolveSibling(".trash-" + dir.getFileName() + "." + host() + "." + ProcessHandle.current().pid() + "."
          + System.nanoTime());
      Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
      Trees.delete(trash);
    } catch (IOException e) {
      Trees.delete(dir);
    }
  }

  static String sha256(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void checkName(String s) {
    if (!s.matches("[A-Za-z0-9_.-]{1,128}") || s.startsWith(".")) {
      throw new IllegalArgumentException("not a cache name: " + s);
    }
  }

  private static final String HOST = hostName();

  /** This host's name, for scratch and lock names (a dot-free word). */
  public static String host() {
    return HOST;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_-]", "_");
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** One kind of entry in the cache: how many, how large, how many fail their check, how much scratch is left over. */
  public record KindInfo(String kind, int entries, long bytes, int damaged, int scratch) {}

  /** What the cache holds, kind by kind (every entry verified, without its result check). */
  public static List<KindInfo> inventory() throws IOException {
    List<KindInfo> out = new ArrayList<>();
    Path root = CacheDirs.root();
    if (!Files.isDirectory(root)) {
      return out;
    }
    List<Path> kinds;
    try (Stream<Path> s = Files.list(root)) {
      kinds = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path k : kinds) {
      int entries = 0;
      int damaged = 0;
      int scratch = 0;
      long bytes = 0;
      List<Path> items;
      try (Stream<Path> s = Files.list(k)) {
        items = s.sorted().toList();
      }
      for (Path e : items) {
        String n = e.getFileName().toString();
        if (n.startsWith(".tmp-") || n.startsWith(".trash-")) {
          scratch++;
        } else if (Files.isDirectory(e) && Files.exists(e.resolve(RECORD))) {
          entries++;
          damaged += verify(e, k.getFileName().toString(), n, d -> { }) == null ? 0 : 1;
        }
        bytes += size(e);
      }
      out.add(new KindInfo(k.getFileName().toString(), entries, bytes, damaged, scratch));
    }
    return out;
  }

  /**
   * Removes entries not used (modified) within {@code olderThan} (null: all), and scratch left by
   * processes that no longer run on this host; returns what was removed.
   */
  public static long clean(java.time.Duration olderThan) throws IOException {
    Path root = CacheDirs.root();
    if (!Files.isDirectory(root)) {
      return 0;
    }
    long removed = 0;
    java.time.Instant cut = olderThan == null ? null : java.time.Instant.now().minus(olderThan);
    List<Path> all;
    try (Stream<Path> s = Files.list(root)) {
      all = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path k : all) {
      List<Path> items;
      try (Stream<Path> s = Files.list(k)) {
        items = s.sorted().toList();
      }
      for (Path e : items) {
        String n = e.getFileName().toString();
        boolean scratch = n.startsWith(".tmp-") || n.startsWith(".trash-");
        boolean old = cut == null || Files.getLastModifiedTime(e).toInstant().isBefore(cut);
        if (scratch ? !liveScratch(n) : old) {
          Trees.delete(e);
          removed++;
        }
      }
    }
    return removed;
  }

  /** Whether a scratch name ({@code .tmp-<key>.<host>.<pid>.<n>}) belongs to a process still running here. */
  static boolean liveScratch(String name) {
    String[] p = name.split("\\.");
    for (int i = 0; i + 1 < p.length; i++) {
      if (p[i].equals(host())) {
        try {
          long pid = Long.parseLong(p[i + 1]);
          return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false; // another host's, or unnamed: only its owner could know; cleaned anyway when asked
  }

  private static long size(Path p) throws IOException {
    if (Files.isRegularFile(p)) {
      return Files.size(p);
    }
    long total = 0;
    try (Stream<Path> w = Files.walk(p)) {
      for (Path q : (Iterable<Path>) w.filter(Files::isRegularFile)::iterator) {
        total += Files.size(q);
      }
    }
    return total;
  }
}
