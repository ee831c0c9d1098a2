package dev.qrtl.spec;

import java.util.Arrays;
import java.util.Locale;

/**
 * The OCP MX element formats (Microscaling Formats v1.0, {@code docs/reference/microscaling.md}):
 * each a block of elements in one {@link NumberFormat} sharing an E8M0 scale. What a generator and
 * a golden model need of a format is here once: its element, its width, the exponent of its largest
 * normal value and of its smallest quantum.
 */
public enum MxFormat {
  MXINT8("mxint8", NumberFormat.INT8),
  MXFP8_E4M3("mxfp8-e4m3", NumberFormat.E4M3),
  MXFP8_E5M2("mxfp8-e5m2", NumberFormat.E5M2),
  MXFP6_E2M3("mxfp6-e2m3", NumberFormat.E2M3),
  MXFP6_E3M2("mxfp6-e3m2", NumberFormat.E3M2),
  MXFP4("mxfp4", NumberFormat.E2M1);

  /** The shared scale of every MX format. */
  public static final NumberFormat.PowerOfTwo SCALE = NumberFormat.E8M0;

  private final String cliName;
  private final NumberFormat element;

  MxFormat(String cliName, NumberFormat element) {
    this.cliName = cliName;
    this.element = element;
  }

  public String cliName() {
    return cliName;
  }

  public NumberFormat element() {
    return element;
  }

  /** Width of an element code. */
  public int bits() {
    return element.bits();
  }

  public boolean integer() {
    return element instanceof NumberFormat.Fixed;
  }

  /** The element as a small float; only for the FP formats. */
  public NumberFormat.SmallFloat smallFloat() {
    return (NumberFormat.SmallFloat) element;
  }

  /** The element as fixed point; only for MXINT8. */
  public NumberFormat.Fixed fixed() {
    return (NumberFormat.Fixed) element;
  }

  /** emax of the reference: the exponent of the element's largest normal value (0 for INT8's 127/64). */
  public int emax() {
    return element instanceof NumberFormat.SmallFloat f ? f.emax() : fixed().emax();
  }

  /** Mantissa bits (an FP element's stored fraction; INT8: none, its magnitude is an integer count of quanta). */
  public int mantBits() {
    return element instanceof NumberFormat.SmallFloat f ? f.mantBits() : 0;
  }

  /** The exponent of the element's smallest step: {@code emin - mantBits} (the smallest subnormal) for a float, -6 for INT8. */
  public int quantumExponent() {
    return element instanceof NumberFormat.SmallFloat f ? f.emin() - f.mantBits() : -fixed().fracBits();
  }

  /** The largest finite element value. */
  public double maxValue() {
    return element instanceof NumberFormat.SmallFloat f ? f.maxFinite() : fixed().maxValue();
  }

  /** Bits of an element's magnitude counted in quanta: every finite magnitude below 2^this (18 for E4M3, 7 for INT8). */
  public int magnitudeBits() {
    return emax() - quantumExponent() + 1;
  }

  /** Storage per element, the shared scale included: {@code bits + 8 / block}. */
  public double bitsPerElement(int block) {
    return bits() + (double) SCALE.bits() / block;
  }

  public static MxFormat parse(String s) {
    for (MxFormat f : values()) {
      if (f.cliName.equals(s.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown MX format '" + s + "'; use one of "
        + String.join(", ", Arrays.stream(values()).map(MxFormat::cliName).toList()));
  }
}
