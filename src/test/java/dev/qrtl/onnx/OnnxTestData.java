package dev.qrtl.onnx;

import dev.qrtl.onnx.proto.OnnxProto.ModelProto;
import dev.qrtl.onnx.proto.OnnxProto.TensorProto;
import dev.qrtl.testing.ToolGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * ONNX's own operator tests as Debian's {@code libonnx-testdata} installs them (ONNX 1.12): each a
 * {@code model.onnx} and {@code test_data_set_0/input_<i>.pb, output_0.pb}. Missing, a test skips
 * loudly on a developer machine and fails under CI, where {@code bin/install-deps --all} installs
 * the package.
 */
final class OnnxTestData {
  static final Path NODE = Path.of("/usr/share/libonnx-testdata/data/node");

  private OnnxTestData() {}

  /** One operator test: its model, its inputs by graph input name, and its expected output. */
  record Case(Path model, Map<String, TensorProto> feeds, Tensor expected) {}

  static Case load(String test) throws IOException {
    Path dir = NODE.resolve(test);
    if (!Files.isDirectory(dir)) {
      String msg = "ONNX test data " + dir + " is missing; install the Debian package libonnx-testdata (bin/install-deps --all)";
      if (ToolGate.isCi()) {
        Assertions.fail("CI must run the ONNX test-data checks: " + msg);
      }
      System.err.println("SKIPPING: " + msg);
      Assumptions.abort(msg);
    }
    return load(dir);
  }

  /** An operator test in ONNX's test-data layout at {@code dir}. */
  static Case load(Path dir) throws IOException {
    ModelProto m = ModelProto.parseFrom(Files.readAllBytes(dir.resolve("model.onnx")));
    Map<String, TensorProto> feeds = new LinkedHashMap<>();
    for (int i = 0; i < m.getGraph().getInputCount(); i++) {
      feeds.put(m.getGraph().getInput(i).getName(), tensor(dir.resolve("test_data_set_0/input_" + i + ".pb")));
    }
    return new Case(dir.resolve("model.onnx"), feeds, Tensor.decode(tensor(dir.resolve("test_data_set_0/output_0.pb"))));
  }

  static TensorProto tensor(Path p) throws IOException {
    return TensorProto.parseFrom(Files.readAllBytes(p));
  }

  static Tensor feed(Case c, int index) {
    return Tensor.decode(c.feeds().values().stream().skip(index).findFirst().orElseThrow());
  }
}
