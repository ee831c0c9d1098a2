package dev.qrtl.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.Printable;
import dev.qrtl.util.QrtlException;
import dev.qrtl.util.ResultFormat;
import dev.qrtl.util.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one shard format and the one merger of every study (a comparison's sweep, a network
 * bill): a shard's partial result names its study, the definition it belongs to (with its
 * SHA-256), which shard of how many it is, an optional header every shard of the study shares,
 * and its points' results by index (with their SHA-256). Reading checks, before any number is
 * used, the format, the study, both digests, the index and count, that the shard holds exactly
 * the points the frozen partition gives it, and each result against the study's own domain
 * checks; merging checks that the shards are one definition's, none twice, none missing.
 *
 * @param <D> the study's definition
 * @param <H> the header the study's shards share (Void where there is none)
 * @param <R> one point's result
 */
public final class ShardStore<D extends ShardStore.Definition, H, R> {
  /** What a study's definition offers a shard store. */
  public interface Definition {
    /** The SHA-256 of the definition as qrtl writes it. */
    String hash();

    /** The points, index i at position i, with their frozen costs. */
    List<SweepPoint> points();
  }

  /** The study's own checks of what a shard holds (domains, counts); each failure one line naming the file and the field. */
  public interface Checks<D, H, R> {
    void check(Path file, D definition, H header, String field, int index, R result);
  }

  /** One point's result. */
  @JsonPropertyOrder({"index", "result"})
  public record Result<R>(int index, R result) {}

  /** A shard's partial result as it is written. */
  @JsonPropertyOrder({"format", "study", "definitionHash", "resultsSha256", "shard", "shards", "definition", "header", "results"})
  public record Partial<D, H, R>(String format, String study, String definitionHash, String resultsSha256, int shard, int shards,
      D definition, H header, List<Result<R>> results) {}

  /** Merged shards: the definition, the shared header, every point's result in point order. */
  public record Merged<D, H, R>(D definition, H header, List<R> results) {}

  private static final ObjectMapper READER = StrictJson.builder().build();

  private final String study;
  private final JavaType type;
  private final Checks<D, H, R> checks;

  /** @param study what the shards are shards of ({@code comparison}, {@code network}) */
  public ShardStore(String study, Class<D> definition, Class<H> header, Class<R> result, Checks<D, H, R> checks) {
    this.study = study;
    var tf = READER.getTypeFactory();
    this.type = tf.constructParametricType(Partial.class, tf.constructType(definition), tf.constructType(header), tf.constructType(result));
    this.checks = checks;
  }

  /** Writes shard {@code s} of the study into {@code dir} (atomically); returns the file. */
  public Path write(Path dir, Shards.Spec s, D definition, H header, List<Integer> indices, List<R> results) {
    List<Result<R>> out = new ArrayList<>();
    for (int i = 0; i < indices.size(); i++) {
      out.add(new Result<>(indices.get(i), results.get(i)));
    }
    Partial<D, H, R> p = new Partial<>(ResultFormat.SHARD.id(), study, definition.hash(), ShardChecks.digest(out), s.index(), s.count(),
        definition, header, out);
    Path f = Shards.file(dir, s);
    try {
      Files.createDirectories(dir);
      AtomicFiles.writeString(f, ManifestIo.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(p) + "\n");
    } catch (IOException e) {
      throw new QrtlException("cannot write the partial result " + f + ": " + e.getMessage());
    }
    return f;
  }

  /** Reads one partial result and checks it whole (see the class comment). */
  public Partial<D, H, R> read(Path f) {
    ObjectNode o = ResultFormat.SHARD.readTree(f);
    // which study the shard is of, before its definition is read as this study's
    var named = o.get("study");
    if (named == null || !named.isTextual() || !study.equals(named.asText())) {
      throw new QrtlException(f + " is a shard of a " + (named != null && named.isTextual() ? Printable.of(named.asText())
          : "study it does not name") + ", not of a " + study);
    }
    Partial<D, H, R> p;
    try {
      p = READER.treeToValue(o, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new QrtlException(f + " is not a well-formed shard result: " + StrictJson.problem(e));
    } catch (IllegalArgumentException e) {
      throw new QrtlException(f + " is not a well-formed shard result: " + Printable.of(e.getMessage()));
    }
    if (p.definition() == null || p.results() == null) {
      throw new QrtlException(f + ": field " + (p.definition() == null ? "definition" : "results") + " is missing");
    }
    ShardChecks.checkDigests(f, p.definitionHash(), p.definition().hash(), p.resultsSha256(), p.results());
    ShardChecks.checkIndex(f, p.shard(), p.shards());
    List<SweepPoint> points = p.definition().points();
    for (int i = 0; i < points.size(); i++) {
      ShardChecks.equal(f, "definition.points[" + i + "].index", points.get(i).index(), i, "its place in the list");
    }
    List<Integer> expected = Shards.partition(points, p.shards()).get(p.shard() - 1);
    List<Integer> got = p.results().stream().map(Result::index).toList();
    if (!expected.equals(got)) {
      throw new QrtlException(f + " is corrupted: shard " + p.shard() + "/" + p.shards() + " should hold points " + expected + ", it holds "
          + got);
    }
    for (int i = 0; i < p.results().size(); i++) {
      R r = p.results().get(i).result();
      if (r == null) {
        throw new QrtlException(f + ": field results[" + i + "].result is missing");
      }
      checks.check(f, p.definition(), p.header(), "results[" + i + "].result", p.results().get(i).index(), r);
    }
    return p;
  }

  /**
   * Merges the partial results in {@code files}: all of one definition (the one whose hash is
   * {@code expectedHash}, where the caller knows it; otherwise the first file's), shard counts
   * equal, headers equal, none twice, none missing, every point once.
   */
  public Merged<D, H, R> merge(List<Path> files, String expectedHash) {
    Map<Integer, Partial<D, H, R>> byShard = new TreeMap<>();
    Partial<D, H, R> first = null;
    Path firstFile = null;
    for (Path f : files) {
      Partial<D, H, R> p = read(f);
      String want = expectedHash != null ? expectedHash : first == null ? p.definitionHash() : first.definitionHash();
      if (!p.definitionHash().equals(want)) {
        throw new QrtlException(f + " belongs to another " + study + " (definition " + p.definitionHash().substring(0, 12) + ", not "
            + want.substring(0, 12) + ")");
      }
      if (first == null) {
        first = p;
        firstFile = f;
      } else if (p.shards() != first.shards()) {
        throw new QrtlException(f + " is shard " + p.shard() + " of " + p.shards() + ", the others are of " + first.shards());
      } else if (p.header() != null && !p.header().equals(first.header())) {
        throw new QrtlException(f + " was priced with other tools or a different library than " + firstFile);
      }
      if (byShard.put(p.shard(), p) != null) {
        throw new QrtlException("shard " + p.shard() + "/" + p.shards() + " is given twice (" + f + ")");
      }
    }
    if (first == null) {
      throw new QrtlException("no partial results to merge");
    }
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= first.shards(); i++) {
      if (!byShard.containsKey(i)) {
        missing.add(i + "/" + first.shards());
      }
    }
    if (!missing.isEmpty()) {
      throw new QrtlException("the " + study + " " + first.definitionHash().substring(0, 12) + " is incomplete: shard"
          + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " missing");
    }
    Map<Integer, R> results = new TreeMap<>();
    for (Partial<D, H, R> p : byShard.values()) {
      for (Result<R> r : p.results()) {
        if (results.put(r.index(), r.result()) != null) {
          throw new QrtlException("point " + r.index() + " (" + first.definition().points().get(r.index()).label() + ") is in two shards");
        }
      }
    }
    if (results.size() != first.definition().points().size()) {
      throw new QrtlException("the shards hold " + results.size() + " of the " + study + "'s " + first.definition().points().size()
          + " points");
    }
    return new Merged<>(first.definition(), first.header(), new ArrayList<>(results.values()));
  }
}
