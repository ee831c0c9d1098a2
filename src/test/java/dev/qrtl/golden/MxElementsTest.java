package dev.qrtl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.NumberFormat;
import dev.qrtl.testing.Venv;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MX element conversion of the golden model against an outside oracle: ml_dtypes' casts
 * (round to nearest, ties to even) on at least 10^5 values per FP format in range: every
 * representable value, every midpoint between neighbours (the ties), and seeded random values
 * spread over the subnormal and normal range with both signs. ml_dtypes' FP8 casts do not
 * saturate (E4M3 gives NaN, E5M2 infinity) and its FP6/FP4 casts do, so values past the largest
 * are checked apart: the model gives the largest magnitude with the sign; where ml_dtypes
 * saturates too, the codes are equal. The E8M0 scale: every power of two 2^-127..2^127.
 */
class MxElementsTest {
  private static final long SEED = 20261207L;
  private static final int RANDOM_PER_FORMAT = 100_000;

  @TempDir Path tmp;

  private static final Map<MxFormat, String> DTYPE = new LinkedHashMap<>();

  static {
    DTYPE.put(MxFormat.MXFP8_E4M3, "float8_e4m3fn");
    DTYPE.put(MxFormat.MXFP8_E5M2, "float8_e5m2");
    DTYPE.put(MxFormat.MXFP6_E2M3, "float6_e2m3fn");
    DTYPE.put(MxFormat.MXFP6_E3M2, "float6_e3m2fn");
    DTYPE.put(MxFormat.MXFP4, "float4_e2m1fn");
  }

  /** The finite non-negative values of a format, ascending. */
  private static List<Double> grid(NumberFormat.SmallFloat f) {
    List<Double> out = new ArrayList<>();
    for (int c = 0; c < 1 << (f.bits() - 1); c++) {
      double v = f.decode(c);
      if (!Double.isNaN(v) && !Double.isInfinite(v)) {
        out.add(v);
      }
    }
    out.sort(Double::compare);
    return out;
  }

  /** In-range values of {@code f}: the grid, its midpoints, random ones; both signs. */
  private static double[] inRange(NumberFormat.SmallFloat f, SplittableRandom r) {
    List<Double> g = grid(f);
    List<Double> v = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      v.add(g.get(i));
      v.add(-g.get(i));
      if (i + 1 < g.size()) {
        double mid = (g.get(i) + g.get(i + 1)) / 2; // a tie: exact in a double
        v.add(mid);
        v.add(-mid);
      }
    }
    double lo = Math.log(f.minSubnormal() / 4);
    double hi = Math.log(f.maxFinite());
    for (int i = 0; i < RANDOM_PER_FORMAT; i++) {
      double m = Math.exp(lo + (hi - lo) * r.nextDouble());
      v.add(r.nextBoolean() ? -Math.min(m, f.maxFinite()) : Math.min(m, f.maxFinite()));
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static BlockQuantizerSpec spec(MxFormat f) {
    return BlockQuantizerSpec.of(f, 32, BlockQuantizerSpec.BlockInput.fp32());
  }

  @Test
  void elementConversionEqualsMlDtypesInRangeAndSaturatesBeyond() throws Exception {
    Path python = Venv.python("ml_dtypes", "numpy");
    SplittableRandom r = new SplittableRandom(SEED);
    Map<MxFormat, double[]> values = new LinkedHashMap<>();
    Map<MxFormat, double[]> beyond = new LinkedHashMap<>();
    for (MxFormat f : DTYPE.keySet()) {
      values.put(f, inRange(f.smallFloat(), r));
      double[] b = new double[2_000];
      for (int i = 0; i < b.length; i++) {
        double m = f.maxValue() * (1 + 7 * r.nextDouble()) + f.smallFloat().minSubnormal();
        b[i] = i % 2 == 0 ? m : -m;
      }
      beyond.put(f, b);
    }
    double[] powers = new double[255];
    for (int e = -127; e <= 127; e++) {
      powers[e + 127] = Math.scalb(1.0, e);
    }
    List<double[]> parts = new ArrayList<>(values.values());
    parts.addAll(beyond.values());
    parts.add(powers);
    int total = parts.stream().mapToInt(p -> p.length).sum();
    ByteBuffer buf = ByteBuffer.allocate(total * 8).order(ByteOrder.LITTLE_ENDIAN);
    parts.forEach(p -> {
      for (double d : p) {
        buf.putDouble(d);
      }
    });
    Path in = tmp.resolve("values.f64");
    Files.write(in, buf.array());
    Process p = new ProcessBuilder(python.toString(), Path.of("src/test/resources/mx/ml_dtypes_casts.py").toAbsolutePath().toString(),
        in.toString(), tmp.resolve("codes").toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
    String versions = Files.readString(tmp.resolve("codes.versions")).strip().replace('\n', ',');

    StringBuilder summary = new StringBuilder("MX elements against " + versions + " (seed " + SEED + "):");
    int offset = 0;
    int beyondOffset = values.values().stream().mapToInt(v -> v.length).sum();
    for (MxFormat f : DTYPE.keySet()) {
      byte[] theirs = codes(DTYPE.get(f));
      double[] v = values.get(f);
      int mask = (1 << f.bits()) - 1;
      for (int i = 0; i < v.length; i++) {
        int ours = MxBlockModel.element(spec(f), v[i]);
        int oracle = theirs[offset + i] & mask;
        if (ours != oracle) {
          throw new AssertionError(f.cliName() + ": " + v[i] + " -> qrtl " + ours + ", ml_dtypes " + oracle);
        }
      }
      offset += v.length;
      double[] b = beyond.get(f);
      int sameSaturated = 0;
      for (int i = 0; i < b.length; i++) {
        int ours = MxBlockModel.element(spec(f), b[i]);
        assertEquals(Math.copySign(f.maxValue(), b[i]), f.smallFloat().decode(ours), f.cliName() + ": " + b[i] + " saturates");
        double oracle = f.smallFloat().decode(theirs[beyondOffset + i] & mask);
        if (oracle == f.smallFloat().decode(ours)) {
          sameSaturated++;
        } else {
          assertTrue(Double.isNaN(oracle) || Double.isInfinite(oracle), f.cliName() + ": ml_dtypes gives " + oracle + " for " + b[i]);
        }
      }
      beyondOffset += b.length;
      summary.append(String.format(" %s %,d in range equal, %,d past the largest saturated (ml_dtypes: %s);", f.cliName(), v.length,
          b.length, sameSaturated == b.length ? "the same codes" : "NaN or infinity, as documented"));
      assertTrue(v.length >= 100_000, f.cliName() + ": " + v.length + " values");
    }
    byte[] scales = codes("float8_e8m0fnu");
    for (int e = -127; e <= 127; e++) {
      assertEquals(MxFormat.SCALE.encode(e), scales[beyondOffset + e + 127] & 0xFF, "E8M0 of 2^" + e);
    }
    summary.append(" E8M0: 255 powers of two equal");
    System.out.println(summary);
  }

  private byte[] codes(String dtype) throws IOException {
    return Files.readAllBytes(tmp.resolve("codes." + dtype + ".u8"));
  }
}
