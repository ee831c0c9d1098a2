package dev.qrtl.network;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.compare.ShardChecks;
import dev.qrtl.compare.Shards;
import dev.qrtl.compare.SweepPoint;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.Hashing;
import dev.qrtl.util.QrtlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A network bill in shards: the points are the bill's distinct units (processing elements and
 * requantizers), partitioned as a comparison's are ({@link Shards#partition}, by their frozen cost
 * estimates); each shard writes its units' prices with the bill's definition and hash; the merge,
 * given the same command line, checks every shard against that definition and assembles the bill
 * from the shards' prices (the error columns, golden models only, are computed there), the same
 * bytes a single run writes.
 */
public final class BillShards {
  static final String FORMAT = dev.qrtl.util.ResultFormat.NETWORK_SHARD.id();

  private BillShards() {}

  /** What the bill is: the network (its source names a model file's SHA-256), the options, the units. */
  @JsonPropertyOrder({"qrtl", "command", "network", "source", "input", "layers", "schemes", "aBits", "wBits", "array", "library",
      "librarySha256", "timing", "pricing", "operations", "seed", "paramPeriod", "batches", "errorSamples", "points"})
  public record Definition(String qrtl, String command, String network, String source, String input, int layers, List<String> schemes,
      int aBits, int wBits, String array, String library, String librarySha256, String timing, String pricing, long operations, long seed,
      int paramPeriod, int batches, int errorSamples, List<SweepPoint> points) {
    public String hash() {
      try {
        return Hashing.sha256(ManifestIo.mapper().writeValueAsString(this));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** One unit's price. */
  @JsonPropertyOrder({"index", "price"})
  public record Priced(int index, UnitPrice price) {}

  /** A shard's partial result, with the SHA-256 of its definition and of its results (what a merge recomputes). */
  @JsonPropertyOrder({"format", "definitionHash", "resultsSha256", "shard", "shards", "definition", "results"})
  public record Partial(String format, String definitionHash, String resultsSha256, int shard, int shards, Definition definition,
      List<Priced> results) {}

  static Definition definition(NetworkConfig c, BillStudy.Plan p) {
    var lib = c.tech().library();
    String layers;
    try {
      layers = ManifestIo.mapper().writeValueAsString(c.network().layers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    // the layers (shapes and any model scales) are part of what the bill is: their hash is in the source line
    return new Definition(dev.qrtl.util.QrtlVersion.version(), "network", c.network().name(), c.network().source() + "; layers "
        + Hashing.sha256(layers).substring(0, 16), c.network().input(), c.network().layers().size(),
        c.forms().stream().map(dev.qrtl.scheme.Schemes.Form::label).toList(), c.aBits(), c.wBits(), c.rows() + "x" + c.cols(), lib.name(),
        lib.sha256(), c.timing().describe(lib), c.energy().conventions().describe(), c.energy().operations(), c.energy().seed(),
        c.energy().paramPeriod(), c.energy().batches(), c.errorSamples(), BillStudy.points(p, c));
  }

  /** Prices shard {@code s} of the bill into {@code dir}; returns the partial result's file. */
  public static Path runShard(NetworkConfig c, Shards.Spec s, Path dir) {
    BillStudy.Plan p = BillStudy.plan(c);
    Definition d = definition(c, p);
    List<Integer> mine = Shards.partition(d.points(), s.count()).get(s.index() - 1);
    List<UnitPrice> prices = BillStudy.price(p, mine, c);
    List<Priced> out = new ArrayList<>();
    for (int i = 0; i < mine.size(); i++) {
      out.add(new Priced(mine.get(i), prices.get(i)));
    }
    Path f = Shards.file(dir, s);
    try {
      Files.createDirectories(dir);
      AtomicFiles.writeString(f, ManifestIo.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(new Partial(FORMAT, d.hash(),
          ShardChecks.digest(out), s.index(), s.count(), d, out)) + "\n");
    } catch (IOException e) {
      throw new QrtlException("cannot write the partial result " + f + ": " + e.getMessage());
    }
    return f;
  }

  /** Reads one partial result: its format, strict JSON, both digests and the shard's index and count. */
  public static Partial read(Path f) {
    Partial x = ShardChecks.read(f, dev.qrtl.util.ResultFormat.NETWORK_SHARD, Partial.class);
    if (x.definition() == null || x.results() == null) {
      throw new QrtlException(f + ": field " + (x.definition() == null ? "definition" : "results") + " is missing");
    }
    ShardChecks.checkDigests(f, x.definitionHash(), x.definition().hash(), x.resultsSha256(), x.results());
    ShardChecks.checkIndex(f, x.shard(), x.shards());
    ShardChecks.sha256(f, "definition.librarySha256", x.definition().librarySha256());
    for (int i = 0; i < x.results().size(); i++) {
      if (x.results().get(i).price() == null) {
        throw new QrtlException(f + ": field results[" + i + "].price is missing");
      }
      check(f, "results[" + i + "].price", x.results().get(i).price());
    }
    return x;
  }

  /** One unit's price: what it says it is, and every figure in its domain. */
  private static void check(Path f, String at, UnitPrice p) {
    ShardChecks.present(f, at + ".design", p.design());
    ShardChecks.present(f, at + ".stimulus", p.stimulus());
    ShardChecks.present(f, at + ".model", p.model());
    ShardChecks.nonNegative(f, at + ".areaUm2", p.areaUm2());
    ShardChecks.nonNegative(f, at + ".energyPj", p.energyPj());
    ShardChecks.nonNegative(f, at + ".energyCi95Pj", p.energyCi95Pj());
    ShardChecks.nonNegative(f, at + ".delayNs", p.delayNs());
    ShardChecks.nonNegative(f, at + ".parameterBits", p.parameterBits());
  }

  /** Merges the shards in {@code files} into the bill of {@code c}, refusing anything that is not exactly its shards. */
  public static NetworkBill merge(NetworkConfig c, List<Path> files) {
    BillStudy.Plan p = BillStudy.plan(c);
    Definition d = definition(c, p);
    Map<Integer, Partial> byShard = new TreeMap<>();
    int shards = -1;
    for (Path f : files) {
      Partial x = read(f);
      if (!x.definitionHash().equals(d.hash())) {
        throw new QrtlException(f + " belongs to another bill (definition " + x.definitionHash().substring(0, 12) + ", this command line's is "
            + d.hash().substring(0, 12) + ")");
      }
      if (shards >= 0 && x.shards() != shards) {
        throw new QrtlException(f + " is shard " + x.shard() + " of " + x.shards() + ", the others are of " + shards);
      }
      shards = x.shards();
      List<Integer> expected = Shards.partition(d.points(), x.shards()).get(x.shard() - 1);
      if (!expected.equals(x.results().stream().map(Priced::index).toList()) || x.results().stream().anyMatch(r -> r.price() == null)) {
        throw new QrtlException(f + " is corrupted: shard " + x.shard() + "/" + x.shards() + " should hold units " + expected);
      }

      if (byShard.put(x.shard(), x) != null) {
        throw new QrtlException("shard " + x.shard() + "/" + x.shards() + " is given twice (" + f + ")");
      }
    }
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= shards; i++) {
      if (!byShard.containsKey(i)) {
        missing.add(i + "/" + shards);
      }
    }
    if (!missing.isEmpty()) {
      throw new QrtlException("the bill " + d.hash().substring(0, 12) + " is incomplete: shard" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + " missing");
    }
    List<BillStudy.Key> keys = new ArrayList<>(p.jobs().keySet());
    Map<BillStudy.Key, UnitPrice> prices = new LinkedHashMap<>();
    for (Partial x : byShard.values()) {
      for (Priced r : x.results()) {
        prices.put(keys.get(r.index()), r.price());
      }
    }
    Map<BillStudy.Key, UnitPrice> ordered = new LinkedHashMap<>();
    for (BillStudy.Key k : keys) {
      ordered.put(k, prices.get(k));
    }
    return BillStudy.assemble(c, p, ordered);
  }
}
