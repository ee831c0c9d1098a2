package dev.qrtl.spec;

import java.util.OptionalInt;

/**
 * An R x C array computing the tile {@code C = A W} with {@code A} R x K and {@code W} K x C.
 *
 * @param rows R, 1..64
 * @param cols C, 1..64
 * @param aBits activation width, 2..16
 * @param aSigned signed activations
 * @param wBits weight width, 2..16
 * @param wSigned signed weights
 * @param k the dot-product length the accumulator is sized for, 1..2^20
 * @param accBitsGiven an explicit (signed) accumulator width, checked against the bound, or empty
 * @param form systolic or broadcast
 * @param lanes products per PE per cycle (broadcast only; systolic has 1); must divide into K
 * @param inputSkew systolic: skew the edge inputs inside the array (else the caller skews)
 * @param productRegister broadcast: register the adder-tree sum before accumulating (+1 latency)
 */
public record MacArraySpec(int rows, int cols, int aBits, boolean aSigned, int wBits, boolean wSigned, int k,
    OptionalInt accBitsGiven, MacForm form, int lanes, boolean inputSkew, boolean productRegister) implements DesignSpec {
  public static final int MAX_DIM = 64;

  public MacArraySpec {
    check(rows >= 1 && rows <= MAX_DIM, "rows " + rows + " are outside 1.." + MAX_DIM);
    check(cols >= 1 && cols <= MAX_DIM, "cols " + cols + " are outside 1.." + MAX_DIM);
    check(aBits >= 2 && aBits <= 16, "activation width " + aBits + " is outside 2..16");
    check(wBits >= 2 && wBits <= 16, "weight width " + wBits + " is outside 2..16");
    check(k >= 1 && k <= (1 << 20), "K " + k + " is outside 1..2^20");
    check(lanes >= 1 && lanes <= 64, "lanes " + lanes + " are outside 1..64");
    check(form == MacForm.BROADCAST || lanes == 1, "a systolic array has one lane per PE, not " + lanes);
    int bound = requiredAccBits(aBits, aSigned, wBits, wSigned, k);
    if (accBitsGiven.isPresent()) {
      check(accBitsGiven.getAsInt() >= bound && accBitsGiven.getAsInt() <= 64,
          "accumulator width " + accBitsGiven.getAsInt() + " cannot hold a " + k + "-term dot product of "
              + aBits + "-bit by " + wBits + "-bit operands: it needs " + bound + "..64 bits");
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("mac-array: " + message);
    }
  }

  /**
   * {@code a_bits + w_bits + ceil(log2 K)}, plus one when both operands are unsigned (the
   * accumulator is signed, so the unsigned sum needs a sign bit).
   */
  public static int requiredAccBits(int aBits, boolean aSigned, int wBits, boolean wSigned, int k) {
    int log2k = k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1);
    return aBits + wBits + log2k + (!aSigned && !wSigned ? 1 : 0);
  }

  public int accBits() {
    return accBitsGiven.orElse(requiredAccBits(aBits, aSigned, wBits, wSigned, k));
  }

  /**
   * Clock edges from the first operand cycle until every output holds its final value, for a tile
   * of {@code kTile} terms: systolic {@code K + (R - 1) + (C - 1)} (the last term reaches PE(i, j)
   * i + j cycles late; with caller-side skew the count starts at the first, unskewed, operand just
   * the same); broadcast {@code ceil(K / lanes)}, +1 with the product register.
   */
  public int latency(int kTile) {
    if (form == MacForm.SYSTOLIC) {
      return kTile + (rows - 1) + (cols - 1);
    }
    return (kTile + lanes - 1) / lanes + (productRegister ? 1 : 0);
  }

  public String tag() {
    String sgn = (aSigned ? "s" : "u") + (wSigned ? "s" : "u");
    String f = form == MacForm.SYSTOLIC ? "sys" + (inputSkew ? "" : "_noskew") : "bc" + lanes + (productRegister ? "p" : "");
    return f + "_" + rows + "x" + cols + "_a" + aBits + "w" + wBits + sgn + "_acc" + accBits();
  }

}
