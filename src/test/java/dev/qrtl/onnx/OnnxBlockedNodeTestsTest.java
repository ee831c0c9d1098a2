package dev.qrtl.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.testing.Venv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocked QuantizeLinear and DequantizeLinear (opset 21 {@code block_size}) on ONNX's own operator
 * tests, which Debian's libonnx-testdata (ONNX 1.12) predates: written from the onnx package's
 * case generators in the test venv ({@code src/test/resources/onnx/onnx_node_tests.py}). The
 * importer's per-block scales and zero points must reproduce each test's expected output:
 * DequantizeLinear {@code (x - zp[b]) * scale[b]}, QuantizeLinear
 * {@code saturate(round_half_even(x / scale[b]) + zp[b])} with b the element's block.
 */
class OnnxBlockedNodeTestsTest {
  @TempDir static Path dir;
  private static String versions;

  @BeforeAll
  static void write() throws Exception {
    Path python = Venv.python("onnx", "numpy");
    Process p = new ProcessBuilder(python.toString(), Path.of("src/test/resources/onnx/onnx_node_tests.py").toAbsolutePath().toString(),
        dir.toString(), "test_dequantizelinear_blocked", "test_quantizelinear_blocked_asymmetric", "test_quantizelinear_blocked_symmetric")
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
    versions = Files.readString(dir.resolve("versions.txt")).strip();
  }

  /** The block of element {@code i} of a row-major tensor of {@code dims}: its index in the scale tensor (the axis divided by the block). */
  private static int block(long[] dims, int axis, int size, long i) {
    long[] idx = new long[dims.length];
    long r = i;
    for (int d = dims.length - 1; d >= 0; d--) {
      idx[d] = r % dims[d];
      r /= dims[d];
    }
    idx[axis] /= size;
    long flat = 0;
    for (int d = 0; d < dims.length; d++) {
      flat = flat * (d == axis ? dims[d] / size : dims[d]) + idx[d];
    }
    return (int) flat;
  }

  @Test
  void blockedDequantizeLinearReadsAScaleAndZeroPointPerBlock() throws Exception {
    var c = OnnxTestData.load(dir.resolve("test_dequantizelinear_blocked"));
    QdqNode q = OnnxImport.read(c.model(), Map.of(), c.feeds()).quantizers().get(0);
    Tensor x = OnnxTestData.feed(c, 0);
    assertEquals(2, q.blockSize(), versions);
    assertEquals(x.size() / 2, q.scale().length);
    for (int i = 0; i < x.values().length; i++) {
      int b = block(x.dims(), q.axis(), q.blockSize(), i);
      assertEquals(c.expected().values()[i], (x.values()[i] - q.zeroPoint()[b]) * q.scale()[b], 1e-6, "element " + i);
    }
  }

  @Test
  void blockedQuantizeLinearRoundsEachBlockAtItsOwnScale() throws Exception {
    for (String t : new String[] {"test_quantizelinear_blocked_asymmetric", "test_quantizelinear_blocked_symmetric"}) {
      var c = OnnxTestData.load(dir.resolve(t));
      QdqNode q = OnnxImport.read(c.model(), Map.of(), c.feeds()).quantizers().get(0);
      Tensor x = OnnxTestData.feed(c, 0);
      int type = c.expected().dataType();
      long lo = type == 2 ? 0 : type == 3 ? -128 : type == 5 ? -32768 : 0;
      long hi = type == 2 ? 255 : type == 3 ? 127 : type == 5 ? 32767 : 65535;
      for (int i = 0; i < x.values().length; i++) {
        int b = block(x.dims(), q.axis(), q.blockSize(), i);
        long z = q.zeroPoint().length == 1 ? q.zeroPoint()[0] : q.zeroPoint()[b];
        long want = Math.max(lo, Math.min(hi, (long) Math.rint((float) x.values()[i] / (float) q.scale()[b]) + z));
        assertEquals(c.expected().values()[i], want, 0, t + " element " + i + " (" + versions + ")");
      }
    }
  }
}
