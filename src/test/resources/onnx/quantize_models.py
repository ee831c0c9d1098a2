"""Builds small float CNNs with the onnx package and quantizes each with ONNX Runtime's own
quantize_static twice, into its QDQ form and its QOperator form, so qrtl's importer can be checked
on models made the way users make them (the two forms must give the same layer table).

Usage: quantize_models.py OUT_DIR [SEED]
Writes OUT_DIR/<name>.float.onnx, <name>.qdq.onnx and <name>.qop.onnx for every model below, and
OUT_DIR/versions.txt (the packages that made them).
Deterministic for a seed: weights and calibration images come from numpy's default_rng(SEED).
"""
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from onnxruntime.quantization import (CalibrationDataReader, QuantFormat, QuantType,
                                      quantize_static)


class Graph:
    """A float graph under construction: each layer a node with random weights."""

    def __init__(self, rng, channels, size):
        self.rng = rng
        self.nodes = []
        self.inits = []
        self.shape = (1, channels, size, size)
        self.count = 0

    def name(self, stem):
        self.count += 1
        return f"{stem}{self.count}"

    def weight(self, name, shape, fan_in):
        w = self.rng.normal(0, np.sqrt(2.0 / fan_in), size=shape).astype(np.float32)
        self.inits.append(numpy_helper.from_array(w, name))
        return name

    def conv(self, x, cin, cout, k, stride=1, groups=1):
        n = self.name("conv")
        w = self.weight(n + ".w", (cout, cin // groups, k, k), cin // groups * k * k)
        b = self.weight(n + ".b", (cout,), 100)
        self.nodes.append(helper.make_node("Conv", [x, w, b], [n], name=n, kernel_shape=[k, k], strides=[stride, stride],
                                           pads=[k // 2] * 4, group=groups))
        return n

    def op(self, op, inputs, **attrs):
        n = self.name(op.lower())
        self.nodes.append(helper.make_node(op, inputs, [n], name=n, **attrs))
        return n

    def relu6(self, x):
        lo = self.name("c0")
        hi = self.name("c6")
        self.inits.append(numpy_helper.from_array(np.array(0, np.float32), lo))
        self.inits.append(numpy_helper.from_array(np.array(6, np.float32), hi))
        return self.op("Clip", [x, lo, hi])

    def gemm(self, x, cin, cout):
        n = self.name("fc")
        w = self.weight(n + ".w", (cout, cin), cin)
        b = self.weight(n + ".b", (cout,), 100)
        self.nodes.append(helper.make_node("Gemm", [x, w, b], [n], name=n, transB=1))
        return n

    def model(self, name, out, out_shape):
        g = helper.make_graph(self.nodes, name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(self.shape))],
                              [helper.make_tensor_value_info(out, TensorProto.FLOAT, list(out_shape))], self.inits)
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)], producer_name="qrtl-test")
        m.ir_version = 8
        onnx.checker.check_model(m)
        return m


def residual(rng):
    """A ResNet-style net: stem, two basic blocks (one with a strided 1x1 downsample), average
    pool, global pool, concat of two branches, fully connected."""
    g = Graph(rng, 3, 16)
    x = g.op("Relu", [g.conv("x", 3, 8, 3)])
    y = g.op("Relu", [g.conv(x, 8, 8, 3)])
    y = g.conv(y, 8, 8, 3)
    x = g.op("Relu", [g.op("Add", [x, y])])
    y = g.op("Relu", [g.conv(x, 8, 16, 3, stride=2)])
    y = g.conv(y, 16, 16, 3)
    d = g.conv(x, 8, 16, 1, stride=2)
    x = g.op("Relu", [g.op("Add", [y, d])])
    p = g.op("AveragePool", [x], kernel_shape=[2, 2], strides=[2, 2])
    b1 = g.op("Relu", [g.conv(p, 16, 8, 1)])
    b2 = g.op("Relu", [g.conv(p, 16, 8, 3)])
    c = g.op("Concat", [b1, b2], axis=1)
    v = g.op("GlobalAveragePool", [c])
    f = g.op("Flatten", [v], axis=1)
    return g.model("residual", g.gemm(f, 16, 10), (1, 10))


def inverted(rng):
    """A MobileNetV2-style inverted residual: 1x1 expand with ReLU6, 3x3 depthwise with ReLU6,
    linear 1x1 project, residual add; a sigmoid gate (squeeze-excitation's multiply), a leaky
    ReLU, and a classifier."""
    g = Graph(rng, 8, 8)
    e = g.relu6(g.conv("x", 8, 32, 1))
    d = g.relu6(g.conv(e, 32, 32, 3, groups=32))
    p = g.conv(d, 32, 8, 1)
    x = g.op("Add", ["x", p])
    s = g.op("Sigmoid", [g.conv(x, 8, 8, 1)])
    x = g.op("Mul", [x, s])
    x = g.op("LeakyRelu", [g.conv(x, 8, 16, 3)], alpha=0.1)
    v = g.op("Flatten", [g.op("GlobalAveragePool", [x])], axis=1)
    return g.model("inverted", g.gemm(v, 16, 4), (1, 4))


class Images(CalibrationDataReader):
    def __init__(self, rng, shape, count=8):
        self.data = iter([{"x": rng.normal(0, 1, size=shape).astype(np.float32)} for _ in range(count)])

    def get_next(self):
        return next(self.data, None)


def main():
    out = Path(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 29
    out.mkdir(parents=True, exist_ok=True)
    import onnxruntime
    (out / "versions.txt").write_text(f"onnx {onnx.__version__}, onnxruntime {onnxruntime.__version__}, numpy {np.__version__}\n")
    for build in (residual, inverted):
        rng = np.random.default_rng(seed)
        m = build(rng)
        name = m.graph.name
        float_path = out / f"{name}.float.onnx"
        onnx.save(m, float_path)
        shape = tuple(d.dim_value for d in m.graph.input[0].type.tensor_type.shape.dim)
        for form, tag in ((QuantFormat.QDQ, "qdq"), (QuantFormat.QOperator, "qop")):
            quantize_static(str(float_path), str(out / f"{name}.{tag}.onnx"), Images(np.random.default_rng(seed + 1), shape),
                            quant_format=form, per_channel=True, activation_type=QuantType.QInt8, weight_type=QuantType.QInt8)


if __name__ == "__main__":
    main()
