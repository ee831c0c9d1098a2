package dev.qrtl.network;

import dev.qrtl.results.NetworkBill;
import dev.qrtl.results.UnitPrice;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.compare.ShardChecks;
import dev.qrtl.compare.ShardStore;
import dev.qrtl.compare.Shards;
import dev.qrtl.compare.SweepPoint;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.util.Hashing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network bill in shards: the points are the bill's distinct units (processing elements and
 * requantizers), partitioned as a comparison's are ({@link Shards#partition}, by their frozen cost
 * estimates); each shard writes its units' prices with the bill's definition and hash; the merge,
 * given the same command line, checks every shard against that definition and assembles the bill
 * from the shards' prices (the error columns, golden models only, are computed there), the same
 * bytes a single run writes.
 */
public final class BillShards {
  private BillShards() {}

  /** What the bill is: the network (its source names a model file's SHA-256), the options, the units. */
  @JsonPropertyOrder({"qrtl", "command", "network", "source", "input", "layers", "schemes", "aBits", "wBits", "array", "library",
      "librarySha256", "timing", "pricing", "operations", "seed", "paramPeriod", "batches", "errorSamples", "points"})
  public record Definition(String qrtl, String command, String network, String source, String input, int layers, List<String> schemes,
      int aBits, int wBits, String array, String library, String librarySha256, String timing, String pricing, long operations, long seed,
      int paramPeriod, int batches, int errorSamples, List<SweepPoint> points) implements ShardStore.Definition {
    @Override
    public String hash() {
      try {
        return Hashing.sha256(ManifestIo.mapper().writeValueAsString(this));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A bill's shards: its definition, no shared header, a price per unit. */
  public static final ShardStore<Definition, Void, UnitPrice> STORE = new ShardStore<>("network bill", Definition.class, Void.class, UnitPrice.class,
      BillShards::check);

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
    return STORE.write(dir, s, d, null, mine, BillStudy.price(p, mine, c));
  }

  /** Reads one partial result of a bill, checked whole ({@link ShardStore#read}). */
  public static ShardStore.Partial<Definition, Void, UnitPrice> read(Path f) {
    return STORE.read(f);
  }

  /** One unit's price: what it says it is, and every figure in its domain. */
  private static void check(Path f, Definition d, Void header, String at, int index, UnitPrice p) {
    ShardChecks.sha256(f, "definition.librarySha256", d.librarySha256());
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
    ShardStore.Merged<Definition, Void, UnitPrice> m = STORE.merge(files, d.hash());
    List<BillStudy.Key> keys = new ArrayList<>(p.jobs().keySet());
    Map<BillStudy.Key, UnitPrice> prices = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      prices.put(keys.get(i), m.results().get(i));
    }
    return BillStudy.assemble(c, p, prices);
  }
}
