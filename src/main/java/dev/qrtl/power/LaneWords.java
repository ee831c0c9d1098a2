package dev.qrtl.power;

/** Ports of a netlist held as 64-lane words (bit i of a net's word: its value in lane i): setting and reading one lane. */
final class LaneWords {
  private LaneWords() {}

  /** Input {@code port} in lane {@code lane} from {@code words} (least significant word first) at {@code offset}. */
  static void set(Elaboration e, long[] word, String port, int lane, long[] words, int offset) {
    int[] bits = e.flat.inputs().get(port);
    if (bits == null) {
      throw new IllegalArgumentException("no input port '" + port + "'");
    }
    long bit = 1L << lane;
    for (int i = 0; i < bits.length; i++) {
      if (bits[i] > 1) {
        long b = -((words[offset + (i >>> 6)] >>> (i & 63)) & 1);
        word[bits[i]] = (word[bits[i]] & ~bit) | (b & bit);
      }
    }
  }

  /** Whether output {@code port} in lane {@code lane} equals {@code words} at {@code offset} (bits above the port's width ignored). */
  static boolean outputEquals(Elaboration e, long[] word, String port, int lane, long[] words, int offset) {
    int[] bits = e.flat.outputs().get(port);
    if (bits == null) {
      throw new IllegalArgumentException("no output port '" + port + "'");
    }
    for (int i = 0; i < bits.length; i++) {
      if (((word[bits[i]] >>> lane) & 1) != ((words[offset + (i >>> 6)] >>> (i & 63)) & 1)) {
        return false;
      }
    }
    return true;
  }
}
