"""Casts little-endian float64 values with ml_dtypes (round to nearest, ties to even) and writes the codes.

usage: python ml_dtypes_casts.py VALUES.f64 OUT_PREFIX
Writes OUT_PREFIX.<dtype>.u8 for every MX element dtype (one code per byte, the element's bits in
the low bits) and OUT_PREFIX.versions (ml_dtypes and numpy versions, one per line).
"""
import sys

import ml_dtypes
import numpy as np

DTYPES = ["float8_e4m3fn", "float8_e5m2", "float6_e2m3fn", "float6_e3m2fn", "float4_e2m1fn", "float8_e8m0fnu"]

values = np.fromfile(sys.argv[1], dtype="<f8")
for name in DTYPES:
    codes = values.astype(getattr(ml_dtypes, name)).view(np.uint8)
    codes.tofile(sys.argv[2] + "." + name + ".u8")
with open(sys.argv[2] + ".versions", "w") as f:
    f.write("ml_dtypes " + ml_dtypes.__version__ + "\nnumpy " + np.__version__ + "\n")
