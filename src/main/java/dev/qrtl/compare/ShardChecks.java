package dev.qrtl.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.util.Hashing;
import dev.qrtl.util.QrtlException;
import dev.qrtl.util.ResultFormat;
import dev.qrtl.util.StrictJson;
import java.nio.file.Path;

/**
 * What a merge checks of every partial result it reads, for comparison and network-bill shards
 * alike, before it uses a number of it: the file's kind and format, strict JSON into the shard's
 * record, the digest of its definition and of its results, the shard index and count within range,
 * and each figure within its domain (finite, non-negative areas and energies; counts that agree
 * with the definition). Each failure is one line naming the file and the field.
 *
 * <p>The digests protect against corruption, partial writes and accidental edits; they are not a
 * signature: whoever edits a number and also recomputes the digest is not detected
 * ({@code docs/reliability.md}).
 */
public final class ShardChecks {
  /** The most shards a sweep is cut into (as {@code --shard i/n} accepts). */
  public static final int MAX_SHARDS = 10_000;

  private static final ObjectMapper READER = StrictJson.builder().build();

  private ShardChecks() {}

  /** The SHA-256 of {@code results} as qrtl writes them: what the partial result records and the merge recomputes. */
  public static String digest(Object results) {
    try {
      return Hashing.sha256(ManifestIo.mapper().writeValueAsString(results));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads {@code f} as a partial result of kind {@code format} into {@code type}: format checked, then strict JSON. */
  public static <T> T read(Path f, ResultFormat format, Class<T> type) {
    ObjectNode o = format.readTree(f);
    try {
      return READER.treeToValue(o, type);
    } catch (JsonProcessingException e) {
      throw new QrtlException(f + " is not a well-formed " + format.describe() + ": " + StrictJson.problem(e));
    } catch (IllegalArgumentException e) {
      throw new QrtlException(f + " is not a well-formed " + format.describe() + ": " + dev.qrtl.util.Printable.of(e.getMessage()));
    }
  }

  /** Shard {@code shard} of {@code shards}, as a file claims it, must be a shard that can exist. */
  public static void checkIndex(Path f, int shard, int shards) {
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new QrtlException(f + ": field shards is " + shards + ", outside 1.." + MAX_SHARDS);
    }
    if (shard < 1 || shard > shards) {
      throw new QrtlException(f + ": field shard is " + shard + ", outside 1.." + shards);
    }
  }

  /** The file's recorded digests must be those of what it holds. */
  public static void checkDigests(Path f, String definitionRecorded, String definitionActual, String resultsRecorded, Object results) {
    if (definitionRecorded == null || !definitionRecorded.equals(definitionActual)) {
      throw new QrtlException(f + " is corrupted: field definition does not match its digest definitionHash");
    }
    if (resultsRecorded == null || !resultsRecorded.equals(digest(results))) {
      throw new QrtlException(f + " is corrupted: field results does not match its digest resultsSha256 (an edited or damaged figure)");
    }
  }

  /** An area, energy, delay or interval: finite and not negative. */
  public static void nonNegative(Path f, String field, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new QrtlException(f + ": field " + field + " is " + v + ", not a finite non-negative number");
    }
  }

  /** A count that must equal what the definition says. */
  public static void equal(Path f, String field, long v, long expected, String why) {
    if (v != expected) {
      throw new QrtlException(f + ": field " + field + " is " + v + ", but " + why + " is " + expected);
    }
  }

  /** A SHA-256 as qrtl writes it: 64 lowercase hexadecimal digits. */
  public static void sha256(Path f, String field, String v) {
    if (v == null || !v.matches("[0-9a-f]{64}")) {
      throw new QrtlException(f + ": field " + field + " is " + (v == null ? "missing" : "'" + dev.qrtl.util.Printable.of(v) + "'")
          + ", not a SHA-256");
    }
  }

  /** Text that must be there. */
  public static void present(Path f, String field, String v) {
    if (v == null || v.isBlank()) {
      throw new QrtlException(f + ": field " + field + " is missing");
    }
  }
}
