package dev.qrtl.compare;

import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.NetworkRow;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.util.Hashing;
import dev.qrtl.util.QrtlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sweeps cut into shards and merged back. A sweep's definition (every option that changes a
 * result, qrtl's version, and each point with its frozen cost estimate) has a SHA-256; shard i of
 * n prices exactly the points a deterministic, cost-balanced partition of that definition gives it
 * and writes a self-describing partial result; a merge checks that the partial results are one
 * sweep's, none twice and none missing, and assembles the result a single run gives.
 */
public final class Shards {
  private Shards() {}

  /** What a sweep is: enough to tell two sweeps apart, and to rerun one. */
  @JsonPropertyOrder({"qrtl", "command", "schemes", "accBits", "outBits", "library", "librarySha256", "timing", "pricing", "stimulus",
      "seed", "operations", "paramPeriod", "batches", "network", "pipeline", "clockNs", "points"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Definition(String qrtl, String command, List<String> schemes, List<Integer> accBits, List<Integer> outBits, String library,
      String librarySha256, String timing, String pricing, String stimulus, long seed, long operations, int paramPeriod, int batches,
      boolean network, int pipeline, Double clockNs, List<SweepPoint> points) implements ShardStore.Definition {
    public Definition {
      schemes = List.copyOf(schemes);
      accBits = List.copyOf(accBits);
      outBits = List.copyOf(outBits);
      points = List.copyOf(points);
    }

    @Override
    public String hash() {
      try {
        return Hashing.sha256(ManifestIo.mapper().writeValueAsString(this));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** One point's result: a comparison row or a network-level row (exactly one of them). */
  @JsonPropertyOrder({"row", "network"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PointResult(CompareRow row, NetworkRow network) {
    public PointResult {
      if ((row == null) == (network == null)) {
        throw new IllegalArgumentException("a point's result is a comparison row or a network row, exactly one");
      }
    }

    static PointResult of(CompareRow row) {
      return new PointResult(row, null);
    }

    static PointResult of(NetworkRow network) {
      return new PointResult(null, network);
    }
  }

  /** A comparison's shards: the sweep's definition, the header every shard shares, a row per point. */
  public static final ShardStore<Definition, CompareResult, PointResult> STORE = new ShardStore<>("comparison", Definition.class,
      CompareResult.class, PointResult.class, Shards::check);

  /** i/n as the command line writes it, 1-based. */
  public record Spec(int index, int count) {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,6})/([0-9]{1,6})");

    public Spec {
      if (count < 1 || count > 10_000 || index < 1 || index > count) {
        throw new IllegalArgumentException("--shard " + index + "/" + count + ": the shard must be 1.." + count + " of 1..10000");
      }
    }

    public static Spec parse(String s) {
      Matcher m = FORM.matcher(s.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("--shard " + s + " is not i/n (write 2/4)");
      }
      return new Spec(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
  }

  public static Definition definition(CompareConfig c) {
    Comparison.Plan p = Comparison.plan(c);
    var lib = c.tech().library();
    return new Definition(dev.qrtl.util.QrtlVersion.version(), "compare", java.util.stream.Stream.concat(
        c.schemes().stream().map(dev.qrtl.scheme.Schemes.Form::label), c.blocks().stream().map(BlockForm::label)).toList(),
        c.accBits(), c.outBits(), lib.name(), lib.sha256(), c.timing().describe(lib), c.energy().conventions().describe(),
        c.energy().stimulus().text(), c.energy().seed(), c.energy().operations(), c.energy().paramPeriod(), c.energy().batches(), c.network(),
        c.pipeline(), c.clockNs().isPresent() ? c.clockNs().getAsDouble() : null, Comparison.points(p));
  }

  /**
   * The points of each shard: the largest estimated cost first to the least loaded shard (ties to
   * the lower shard, points in index order on equal cost), each shard's points then in index order.
   * Only the frozen estimates decide, so a later change to the cost model cannot move a point.
   */
  public static List<List<Integer>> partition(List<SweepPoint> points, int shards) {
    List<SweepPoint> order = new ArrayList<>(points);
    order.sort(Comparator.comparingDouble((SweepPoint p) -> -p.cost()).thenComparingInt(SweepPoint::index));
    double[] load = new double[shards];
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      out.add(new ArrayList<>());
    }
    for (SweepPoint p : order) {
      int best = 0;
      for (int i = 1; i < shards; i++) {
        if (load[i] < load[best]) {
          best = i;
        }
      }
      load[best] += Math.max(p.cost(), 1e-9);
      out.get(best).add(p.index());
    }
    for (List<Integer> s : out) {
      s.sort(Integer::compare);
    }
    return out;
  }

  /** The file a shard's partial result goes to. */
  public static Path file(Path dir, Spec s) {
    return dir.resolve("shard-" + s.index() + "-of-" + s.count() + ".json");
  }

  /** Prices shard {@code s} of the sweep {@code c} and writes its partial result into {@code dir} (atomically). */
  public static Path runShard(CompareConfig c, Spec s, Path dir) {
    Comparison.Plan p = Comparison.plan(c);
    Definition d = definition(c);
    List<Integer> mine = partition(d.points(), s.count()).get(s.index() - 1);
    return STORE.write(dir, s, d, Comparison.header(c, p.skipped()), mine, Comparison.runPoints(c, p, mine));
  }

  /** Reads one partial result of a sweep, checked whole ({@link ShardStore#read}). */
  public static ShardStore.Partial<Definition, CompareResult, PointResult> read(Path f) {
    return STORE.read(f);
  }

  /** A comparison's own checks of a shard: its header, and every row's figures in their domains. */
  private static void check(Path f, Definition d, CompareResult header, String at, int index, PointResult r) {
    if (header == null) {
      throw new QrtlException(f + ": field header is missing");
    }
    ShardChecks.sha256(f, "definition.librarySha256", d.librarySha256());
    ShardChecks.sha256(f, "header.librarySha256", header.librarySha256());
    if ((r.row() == null) == (r.network() == null)) {
      throw new QrtlException(f + ": field " + at + " must hold a row or a network row, exactly one");
    }
    if (r.row() != null) {
      checkRow(f, at + ".row", r.row(), d);
    } else {
      checkNetworkRow(f, at + ".network", r.network());
    }
  }

  private static void checkRow(Path f, String at, CompareRow r, Definition d) {
    ShardChecks.present(f, at + ".scheme", r.scheme());
    ShardChecks.present(f, at + ".design", r.design());
    if (!d.accBits().contains(r.accBits()) || !d.outBits().contains(r.outBits())) {
      throw new QrtlException(f + ": field " + at + " is a " + r.accBits() + " -> " + r.outBits() + " unit, outside the sweep's widths");
    }
    double[] v = {r.areaUm2(), r.nand2Equivalents(), r.delayNs(), r.fmaxMhz(), r.energyPj(), r.energyCi95Pj(), r.energyZeroDelayPj(),
        r.leakagePj()};
    String[] n = {"areaUm2", "nand2Equivalents", "delayNs", "fmaxMhz", "energyPj", "energyCi95Pj", "energyZeroDelayPj", "leakagePj"};
    for (int i = 0; i < v.length; i++) {
      ShardChecks.nonNegative(f, at + "." + n[i], v[i]);
    }
    ShardChecks.nonNegative(f, at + ".cells", r.cells());
    if (r.error() != null) {
      ShardChecks.nonNegative(f, at + ".error.rms", r.error().rms());
      ShardChecks.nonNegative(f, at + ".error.worstRms", r.error().worstRms());
    }
    if (r.verification() != null) {
      ShardChecks.equal(f, at + ".verification.rtlCosimVectors", r.verification().rtlCosimVectors(), d.operations(), "the sweep's operations");
      ShardChecks.equal(f, at + ".verification.gateLevelChecks", r.verification().gateLevelChecks(), d.operations(), "the sweep's operations");
    }
  }

  private static void checkNetworkRow(Path f, String at, NetworkRow r) {
    ShardChecks.present(f, at + ".configuration", r.configuration());
    if (r.quantizationOpsPerOutput() < 1 || r.stages() == null || r.stages().isEmpty()) {
      throw new QrtlException(f + ": field " + at + " has " + r.quantizationOpsPerOutput() + " requantizations per output and "
          + (r.stages() == null ? 0 : r.stages().size()) + " stages");
    }
    double area = 0;
    double energy = 0;
    double zero = 0;
    for (int i = 0; i < r.stages().size(); i++) {
      NetworkRow.Stage s = r.stages().get(i);
      String st = at + ".stages[" + i + "]";
      ShardChecks.nonNegative(f, st + ".areaUm2", s.areaUm2());
      ShardChecks.nonNegative(f, st + ".energyPj", s.energyPj());
      ShardChecks.nonNegative(f, st + ".energyCi95Pj", s.energyCi95Pj());
      ShardChecks.nonNegative(f, st + ".energyZeroDelayPj", s.energyZeroDelayPj());
      area += s.areaUm2();
      energy += s.energyPj();
      zero += s.energyZeroDelayPj();
    }
    // the row's totals are the sums of its stages, added in the same order: they must agree to the last bit
    if (area != r.areaUm2() || energy != r.energyPerOutputPj() || zero != r.energyZeroDelayPj()) {
      throw new QrtlException(f + ": field " + at + " has totals (area " + r.areaUm2() + ", energy " + r.energyPerOutputPj()
          + ") that are not the sums of its stages (" + area + ", " + energy + ")");
    }
  }


  /** Every partial result in {@code paths} (files, or folders of {@code shard-*.json}), sorted by name. */
  public static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (var s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().matches("shard-[0-9]+-of-[0-9]+\\.json")).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new QrtlException("cannot list " + p + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new QrtlException(p + ": no such file or folder");
      }
    }
    if (out.isEmpty()) {
      throw new QrtlException("no partial results (shard-<i>-of-<n>.json) in " + paths);
    }
    return out;
  }

  /** Merges the partial results of one sweep into its result, refusing anything else in one line. */
  public static CompareResult merge(List<Path> files) {
    return mergeWithClock(files).result();
  }

  /** A merged sweep: its result, and the common clock its definition names (for the folder's name). */
  public record Merged(CompareResult result, java.util.OptionalDouble clockNs) {}

  public static Merged mergeWithClock(List<Path> files) {
    ShardStore.Merged<Definition, CompareResult, PointResult> m = STORE.merge(files, null);
    Double clock = m.definition().clockNs();
    return new Merged(Comparison.assemble(m.header(), m.results()), clock == null ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(clock));
  }
}
