package dev.qrtl.sim;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.PortSpec;
import java.util.List;

/**
 * How one cycle of a design is laid out. In Java a record is {@code long} words: a check word,
 * then each data input, then each output, every port as ceil(width / 64) words (two's complement,
 * least significant word first). On the pipe to the harness the same record is packed: a check
 * byte, then each port in 1, 2, 4 or 8 little-endian bytes by width (8 per word above 64 bits),
 * so a 32 -> 8 requantizer costs 7 bytes a vector instead of 32.
 */
public record PortLayout(List<PortSpec> inputs, List<PortSpec> outputs) {
  public static PortLayout of(Manifest m) {
    return new PortLayout(m.dataInputs(), m.outputs());
  }

  public static int words(PortSpec p) {
    return (p.width() + 63) / 64;
  }

  public int inputWords() {
    return inputs.stream().mapToInt(PortLayout::words).sum();
  }

  public int outputWords() {
    return outputs.stream().mapToInt(PortLayout::words).sum();
  }

  /** Words per record: the check word, the inputs, the expected outputs. */
  public int recordWords() {
    return 1 + inputWords() + outputWords();
  }

  /** Bytes of a port on the pipe. */
  public static int bytes(PortSpec p) {
    int w = p.width();
    return w <= 8 ? 1 : w <= 16 ? 2 : w <= 32 ? 4 : 8 * words(p);
  }

  /** Packed bytes per record. */
  public int recordBytes() {
    int n = 1;
    for (PortSpec p : inputs) {
      n += bytes(p);
    }
    for (PortSpec p : outputs) {
      n += bytes(p);
    }
    return n;
  }

  /** Packs {@code n} word records from {@code words} into {@code out} (little-endian). */
  public void pack(long[] words, int n, java.nio.ByteBuffer out) {
    int rec = recordWords();
    int[] wordOff = new int[inputs.size() + outputs.size()];
    int[] size = new int[wordOff.length];
    for (int i = 0; i < inputs.size(); i++) {
      wordOff[i] = inputOffset(i);
      size[i] = bytes(inputs.get(i));
    }
    for (int o = 0; o < outputs.size(); o++) {
      wordOff[inputs.size() + o] = outputOffset(o);
      size[inputs.size() + o] = bytes(outputs.get(o));
    }
    for (int r = 0; r < n; r++) {
      int base = r * rec;
      out.put((byte) (words[base] != 0 ? 1 : 0));
      for (int f = 0; f < size.length; f++) {
        long v = words[base + wordOff[f]];
        switch (size[f]) {
          case 1 -> out.put((byte) v);
          case 2 -> out.putShort((short) v);
          case 4 -> out.putInt((int) v);
          default -> {
            for (int w = 0; w < size[f] / 8; w++) {
              out.putLong(words[base + wordOff[f] + w]);
            }
          }
        }
      }
    }
  }

  /** Word offset of input {@code i} within a record. */
  public int inputOffset(int i) {
    int off = 1;
    for (int k = 0; k < i; k++) {
      off += words(inputs.get(k));
    }
    return off;
  }

  /** Word offset of output {@code o} within a record. */
  public int outputOffset(int o) {
    int off = 1 + inputWords();
    for (int k = 0; k < o; k++) {
      off += words(outputs.get(k));
    }
    return off;
  }
}
