"""Writes ONNX's own operator tests (model, inputs, expected outputs), as the onnx package's case
generators define them, in the layout of ONNX's test data (libonnx-testdata): for operators newer
than the Debian package carries (opset 21's blocked QuantizeLinear and DequantizeLinear).

Usage: onnx_node_tests.py OUT_DIR TEST_NAME...
Writes OUT_DIR/TEST_NAME/model.onnx and OUT_DIR/TEST_NAME/test_data_set_0/{input,output}_N.pb, and
OUT_DIR/versions.txt.
"""
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper
from onnx.backend.test.case.node import collect_testcases


def main():
    out = Path(sys.argv[1])
    wanted = set(sys.argv[2:])
    out.mkdir(parents=True, exist_ok=True)
    (out / "versions.txt").write_text(f"onnx {onnx.__version__}, numpy {np.__version__}\n")
    found = set()
    for case in collect_testcases(None):
        if case.name not in wanted:
            continue
        found.add(case.name)
        d = out / case.name
        (d / "test_data_set_0").mkdir(parents=True, exist_ok=True)
        (d / "model.onnx").write_bytes(case.model.SerializeToString())
        inputs, outputs = case.data_sets[0]
        for j, x in enumerate(inputs):
            name = case.model.graph.input[j].name
            t = x if isinstance(x, onnx.TensorProto) else numpy_helper.from_array(x, name)
            (d / "test_data_set_0" / f"input_{j}.pb").write_bytes(t.SerializeToString())
        for j, y in enumerate(outputs):
            name = case.model.graph.output[j].name
            t = y if isinstance(y, onnx.TensorProto) else numpy_helper.from_array(y, name)
            (d / "test_data_set_0" / f"output_{j}.pb").write_bytes(t.SerializeToString())
    missing = wanted - found
    if missing:
        sys.exit(f"onnx {onnx.__version__} has no node tests {sorted(missing)}")


if __name__ == "__main__":
    main()
