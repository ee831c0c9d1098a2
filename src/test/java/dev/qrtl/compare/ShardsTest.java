package dev.qrtl.compare;

import dev.qrtl.results.RowVerification;
import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.util.QrtlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards without synthesis: the partition is a deterministic, balanced function of the frozen
 * costs, and a merge refuses in one line shards of different sweeps, a shard twice, a missing
 * shard (named), a point in two shards and a corrupted partial result; whole shards merge into the
 * rows in point order.
 */
class ShardsTest {
  @TempDir Path dir;

  private static List<SweepPoint> points(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<SweepPoint> p = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      p.add(new SweepPoint(i, "unit " + i, Math.round(r.nextDouble(1, 1000) * 1000) / 1000.0));
    }
    return p;
  }

  private static Shards.Definition definition(List<SweepPoint> points, long seed) {
    return new Shards.Definition("0.1.0", "compare", List.of("shift-round"), List.of(16), List.of(4), "lib", "0123456789abcdef".repeat(4), "t", "p", "products:k=64",
        seed, 200, 1024, 20, false, 0, null, points);
  }

  private static CompareResult header() {
    return new CompareResult("0.1.0", "lib", "typical", "0123456789abcdef".repeat(4), 1.1, "Yosys 0.23", "Icarus Verilog 11.0", "Java 17", "products:k=64", 1, 200, "m", "c", "t", "p", 0,
        "tflite-double", List.of(), List.of(), List.of());
  }

  private static CompareRow row(int i) {
    return new CompareRow("shift-round", 16, 4, "unit" + i, 10 + i, 12, 30, 0.5, 2000, 0.1 * (i + 1), 0.01, 0.09, 0.001, null, null, null,
        null, new RowVerification(200, 200, RowVerification.ONE_FORM));
  }

  /** Writes every shard of a sweep of {@code n} points cut in {@code shards}; returns the files. */
  private List<Path> write(Shards.Definition d, int shards, Path into) throws Exception {
    Files.createDirectories(into);
    List<List<Integer>> parts = Shards.partition(d.points(), shards);
    List<Path> files = new ArrayList<>();
    for (int s = 1; s <= shards; s++) {
      List<Shards.PointResult> results = new ArrayList<>();
      for (int i : parts.get(s - 1)) {
        results.add(new Shards.PointResult(row(i), null));
      }
      Path f = Shards.STORE.write(into, new Shards.Spec(s, shards), d, header(), parts.get(s - 1), results);
      files.add(f);
    }
    return files;
  }

  @Test
  void thePartitionIsDeterministicBalancedAndCoversEveryPointOnce() {
    List<SweepPoint> p = points(60, 3);
    List<List<Integer>> a = Shards.partition(p, 4);
    assertEquals(a, Shards.partition(new ArrayList<>(p), 4), "the same points, the same shards");
    List<Integer> all = new ArrayList<>();
    a.forEach(all::addAll);
    all.sort(Integer::compare);
    assertEquals(60, all.size());
    for (int i = 0; i < 60; i++) {
      assertEquals(i, all.get(i));
    }
    double max = p.stream().mapToDouble(SweepPoint::cost).max().orElseThrow();
    double[] load = new double[4];
    for (int s = 0; s < 4; s++) {
      for (int i : a.get(s)) {
        load[s] += p.get(i).cost();
      }
    }
    double lo = java.util.Arrays.stream(load).min().orElseThrow();
    double hi = java.util.Arrays.stream(load).max().orElseThrow();
    assertTrue(hi - lo <= max, "greedy balance: the loads differ by at most one point's cost: " + java.util.Arrays.toString(load));
  }

  @Test
  void wholeShardsMergeIntoThePointsInOrder() throws Exception {
    Shards.Definition d = definition(points(24, 5), 1);
    CompareResult r = Shards.merge(write(d, 4, dir));
    assertEquals(24, r.rows().size());
    for (int i = 0; i < 24; i++) {
      assertEquals("unit" + i, r.rows().get(i).design(), "row " + i + " in point order");
    }
    CompareResult one = Shards.merge(write(d, 1, dir.resolve("one")));
    assertEquals(ResultWriter.json(one), ResultWriter.json(r), "one shard or four: the same result");
  }

  private static String refusal(List<Path> files) {
    return assertThrows(QrtlException.class, () -> Shards.merge(files)).getMessage();
  }

  @Test
  void mergeRefusesShardsOfDifferentSweeps() throws Exception {
    List<Path> a = write(definition(points(24, 5), 1), 4, dir.resolve("a"));
    List<Path> b = write(definition(points(24, 5), 2), 4, dir.resolve("b"));
    String m = refusal(List.of(a.get(0), a.get(1), b.get(2), a.get(3)));
    assertTrue(m.contains("belongs to another comparison"), m);
  }

  @Test
  void mergeRefusesAShardTwiceAndNamesAMissingOne() throws Exception {
    List<Path> a = write(definition(points(24, 5), 1), 4, dir);
    String twice = refusal(List.of(a.get(0), a.get(1), a.get(1), a.get(3)));
    assertTrue(twice.contains("shard 2/4 is given twice"), twice);
    String missing = refusal(List.of(a.get(0), a.get(1), a.get(3)));
    assertTrue(missing.contains("incomplete: shard 3/4 missing"), missing);
  }

  @Test
  void mergeRefusesCorruptedPartialResults() throws Exception {
    List<Path> a = write(definition(points(24, 5), 1), 4, dir);
    Path f = a.get(2);
    String text = Files.readString(f);
    Files.writeString(f, text.substring(0, text.length() / 2));
    assertTrue(refusal(a).contains("is not readable JSON"), "truncated");
    Files.writeString(f, text.replace("\"products:k=64\"", "\"products:k=65\""));
    assertTrue(refusal(a).contains("field definition does not match its digest"), "definition edited");
    Files.writeString(f, text.replaceFirst("\"index\"\\s*:\\s*[0-9]+,(\\s*)\"result\"", "\"index\" : 999,$1\"result\""));
    assertTrue(refusal(a).contains("field results does not match its digest resultsSha256"), "a point moved");
    Files.writeString(f, text.replaceFirst("\"energyPj\"\\s*:\\s*[0-9.Ee-]+", "\"energyPj\" : 0.123456"));
    assertTrue(refusal(a).contains("field results does not match its digest resultsSha256"), "a figure edited");
    Files.writeString(f, text.replaceFirst("\"shard\"\\s*:\\s*3", "\"shard\" : 7"));
    assertTrue(refusal(a).contains("field shard is 7, outside 1..4"), "shard index out of range");
    Files.writeString(f, text.replaceFirst("\"shards\"\\s*:\\s*4", "\"shards\" : 0"));
    assertTrue(refusal(a).contains("field shards is 0, outside 1..10000"), "shard count out of range");
    Files.writeString(f, text.replaceFirst("\"study\"\\s*:\\s*\"comparison\"", "\"study\" : \"network bill\""));
    assertTrue(refusal(a).contains("is a shard of a network bill, not of a comparison"), "a shard of another study");
    Files.writeString(f, text.replaceFirst("\"format\"\\s*:\\s*\"qrtl-shard-2\"", "\"format\" : \"qrtl-comparison-1\""));
    assertTrue(refusal(a).contains("is a comparison result (qrtl-comparison-1), not a shard result"), "a file of another kind");
  }

  /** Edits that also rewrite the results digest (deliberate ones) still meet the range and consistency checks. */
  @Test
  void rewrittenDigestsStillMeetTheDomainChecks() throws Exception {
    List<Path> a = write(definition(points(24, 5), 1), 4, dir);
    Path f = a.get(1);
    var p = Shards.read(f);
    java.util.function.Function<List<ShardStore.Result<Shards.PointResult>>, ShardStore.Partial<Shards.Definition, CompareResult,
        Shards.PointResult>> with = r -> new ShardStore.Partial<>(p.format(), p.study(), p.definitionHash(), ShardChecks.digest(r), p.shard(),
        p.shards(), p.definition(), p.header(), r);
    CompareRow r0 = p.results().get(0).result().row();
    int i0 = p.results().get(0).index();
    List<ShardStore.Result<Shards.PointResult>> negative = new ArrayList<>(p.results());
    negative.set(0, new ShardStore.Result<>(i0, new Shards.PointResult(new CompareRow(r0.scheme(), 16, 4, r0.design(), -5, 12, 30, 0.5,
        2000, 0.1, 0.01, 0.09, 0.001, null, null, null, null, r0.verification()), null)));
    Files.writeString(f, ManifestIo.mapper().writeValueAsString(with.apply(negative)));
    String m = refusal(a);
    assertTrue(m.contains(f + ": field results[0].result.row.areaUm2 is -5.0, not a finite non-negative number"), m);
    List<ShardStore.Result<Shards.PointResult>> moved = new ArrayList<>(p.results());
    moved.set(0, new ShardStore.Result<>(999, p.results().get(0).result()));
    Files.writeString(f, ManifestIo.mapper().writeValueAsString(with.apply(moved)));
    assertTrue(refusal(a).contains("is corrupted: shard 2/4 should hold points"), "a point moved");
    List<ShardStore.Result<Shards.PointResult>> counted = new ArrayList<>(p.results());
    counted.set(0, new ShardStore.Result<>(i0, new Shards.PointResult(new CompareRow(r0.scheme(), 16, 4, r0.design(), 10, 12, 30, 0.5,
        2000, 0.1, 0.01, 0.09, 0.001, null, null, null, null, new RowVerification(150, 200, RowVerification.ONE_FORM)), null)));
    Files.writeString(f, ManifestIo.mapper().writeValueAsString(with.apply(counted)));
    m = refusal(a);
    assertTrue(m.contains("field results[0].result.row.verification.rtlCosimVectors is 150, but the sweep's operations is 200"), m);
  }

  @Test
  void shardSpecsAreChecked() {
    assertEquals(new Shards.Spec(2, 4), Shards.Spec.parse("2/4"));
    assertThrows(IllegalArgumentException.class, () -> Shards.Spec.parse("5/4"));
    assertThrows(IllegalArgumentException.class, () -> Shards.Spec.parse("0/4"));
    assertThrows(IllegalArgumentException.class, () -> Shards.Spec.parse("2-4"));
  }
}
