package dev.qrtl.gen.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.golden.MxBlockModel;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.sim.VerilatorBuild;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.BlockInput;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.BlockQuantizerSpec.ZeroBlock;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every K = 4 block of A-bit integers at every one of the 256 input exponents, through the lean
 * block quantizer in Verilator: A = 4 in CI (65,536 blocks x 256 = 16.8 M pairs per design), A = 6
 * with {@code -Dqrtl.full=true} (16.8 M blocks x 256 = 4.29 x 10^9 pairs per design), for the 15
 * designs of {@link BlockQuantizerEquivalenceTest} (every format, both scale rules and roundings,
 * each open point the other way). That many pairs cannot go through a record stream, so the
 * harness carries a C++ rendering of the reference's conversion and compares in place; the Java
 * golden model checks that rendering first on a sample of the same enumeration (every input
 * exponent of about 1,000 evenly spaced blocks: 258,304 pairs per design at A = 4, 262,144 at 6). The plain form is the
 * lean one's proven equal ({@link BlockQuantizerProofTest}), so the lean one is what runs.
 */
@Tag("tools")
class BlockQuantizerExhaustiveTest {
  private static final boolean FULL = Boolean.getBoolean("qrtl.full");
  private static final int BITS = FULL ? 6 : 4;
  @TempDir Path dir;
  private final java.util.concurrent.atomic.AtomicLong sampled = new java.util.concurrent.atomic.AtomicLong();

  /** The harness's parameters for one design: the format's numbers and the spec's choices. */
  static List<String> parameters(BlockQuantizerSpec s) {
    MxFormat f = s.format();
    boolean integer = f.integer();
    return List.of(Integer.toString(BITS), integer ? "1" : "0",
        Integer.toString(integer ? 0 : f.smallFloat().mantBits()), Integer.toString(integer ? 0 : f.smallFloat().expBits()),
        Integer.toString(integer ? 0 : f.smallFloat().bias()), Integer.toString(f.emax()),
        Integer.toString(integer ? 0 : f.smallFloat().emin()), Double.toHexString(f.maxValue()),
        s.scaleRule() == ScaleRule.CEIL ? "1" : "0", s.rounding() == Rounding.HALF_EVEN ? "1" : "0", s.int8MinusTwo() ? "1" : "0",
        s.overflow() == ScaleOverflow.NAN ? "1" : "0", s.zeroBlock() == ZeroBlock.MIN ? "1" : "0");
  }

  private static String harness(String top) throws IOException {
    try (InputStream in = BlockQuantizerExhaustiveTest.class.getResourceAsStream("exhaustive-harness.cpp")) {
      return "#include \"V" + top + ".h\"\n#define TOP V" + top + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Builds, checks the C++ model against the Java one on the sample, runs every pair; returns the pairs checked. */
  private long exhaust(BlockQuantizerSpec s) throws IOException {
    GeneratedDesign d = Designs.generate(s);
    Path folder = dir.resolve(s.moduleName());
    Manifest man = ManifestIo.read(Designs.write(d, folder));
    List<Path> files = man.files().stream().map(folder::resolve).toList();
    Path sim = VerilatorBuild.build(man.top(), files, harness(man.top()), List.of("-CFLAGS", "-O2"), List.of("--self-test")).binary();
    int span = 1 << BITS;
    long blocks = (long) span * span * span * span;
    long stride = (blocks / 1024) | 1;
    List<String> sample = new ArrayList<>(List.of(sim.toString(), "sample", Long.toString(stride)));
    sample.addAll(parameters(s));
    ProcessResult r = ProcessRunner.run(sample, folder, Duration.ofMinutes(5));
    assertTrue(r.ok(), r.tail(5));
    String[] lines = r.stdout().split("\n");
    int n = 0;
    long[] acc = new long[4];
    for (long b = 0; b < blocks; b += stride) {
      long rest = b;
      for (int i = 0; i < 4; i++) {
        acc[i] = rest % span - span / 2;
        rest /= span;
      }
      for (int x = -128; x <= 127; x++) {
        MxBlockModel.Block want = MxBlockModel.ofIntegers(s, acc, x);
        StringBuilder line = new StringBuilder().append(want.scale());
        for (int q : want.elements()) {
          line.append(' ').append(q);
        }
        assertEquals(line.toString(), lines[n], s.moduleName() + ": the harness's model differs from MxBlockModel at block "
            + java.util.Arrays.toString(acc) + ", x " + x);
        n++;
      }
    }
    assertEquals(n, lines.length);
    sampled.addAndGet(n);
    List<String> check = new ArrayList<>(List.of(sim.toString(), "check", "1"));
    check.addAll(parameters(s));
    ProcessResult c = ProcessRunner.run(check, folder, Duration.ofHours(2));
    assertTrue(c.ok(), c.tail(5));
    String last = c.stdout().strip().lines().reduce((a, b) -> b).orElse("");
    assertEquals("checked " + blocks * 256 + " mismatches 0", last, s.moduleName() + ":\n" + c.stdout());
    return blocks * 256;
  }

  @Test
  void everyBlockAtEveryInputExponentEqualsTheReference() throws Exception {
    ToolGate.require("verilator");
    long t0 = System.nanoTime();
    List<BlockQuantizerSpec> specs = BlockQuantizerEquivalenceTest.specs(BlockInput.integer(BITS, OptionalInt.empty()));
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    long total = 0;
    try {
      List<Future<Long>> runs = new ArrayList<>();
      for (BlockQuantizerSpec s : specs) {
        runs.add(pool.submit(() -> exhaust(s)));
      }
      for (Future<Long> f : runs) {
        total += f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("block quantizer in Verilator: every K=4 block of %d-bit integers at every input exponent -128..127, %d designs:"
        + " %,d pairs equal to the reference (the harness's model first equal to MxBlockModel on %,d sampled pairs), %.1f s%n",
        BITS, specs.size(), total, sampled.get(), (System.nanoTime() - t0) / 1e9);
    assertEquals(specs.size() * (1L << (4 * BITS)) * 256, total);
  }
}
