package dev.qrtl.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.LibertyParser;
import dev.qrtl.liberty.LibraryReader;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.stimulus.NpyReader;
import dev.qrtl.synth.YosysNetlist;
import dev.qrtl.synth.YosysStat;
import dev.qrtl.testing.Golden;
import dev.qrtl.tools.ToolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every parser of outside input, fed thousands of seeded mutations of a small valid file (bit
 * flips, byte changes, deletions, insertions, duplicated spans, truncations, numbers made negative
 * or huge): each mutation either parses or fails with qrtl's own one-line error naming the
 * input, never with another exception. Counts and seeds are printed.
 */
class ParserFuzzTest {
  private static final long SEED = Long.getLong("qrtl.fuzz.seed", 20261201L);
  private static final int MUTATIONS = Integer.getInteger("qrtl.fuzz.mutations", 5000);

  /** A mutation of {@code base}: 1 to 4 random edits. */
  static byte[] mutate(byte[] base, SplittableRandom rnd) {
    byte[] b = base.clone();
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = rnd.nextInt(b.length);
      switch (rnd.nextInt(8)) {
        case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> b[at] = (byte) rnd.nextInt(256);
        case 2 -> {
          int len = Math.min(b.length - at, 1 + rnd.nextInt(16));
          byte[] c = new byte[b.length - len];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + len, c, at, b.length - at - len);
          b = c;
        }
        case 3 -> {
          byte[] ins = new byte[1 + rnd.nextInt(8)];
          for (int i = 0; i < ins.length; i++) {
            String alphabet = "{}(),;:\"'-9 \n\\e.x";
            ins[i] = (byte) alphabet.charAt(rnd.nextInt(alphabet.length()));
          }
          byte[] c = new byte[b.length + ins.length];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(ins, 0, c, at, ins.length);
          System.arraycopy(b, at, c, at + ins.length, b.length - at);
          b = c;
        }
        case 4 -> {
          int len = Math.min(b.length - at, 1 + rnd.nextInt(64));
          byte[] c = new byte[b.length + len];
          System.arraycopy(b, 0, c, 0, at + len);
          System.arraycopy(b, at, c, at + len, b.length - at);
          b = c;
        }
        case 5 -> b = Arrays.copyOf(b, at);
        case 6 -> {
          // a number: made negative, huge or fractional
          for (int i = at; i < b.length && i < at + 200; i++) {
            if (b[i] >= '0' && b[i] <= '9') {
              byte[] ins = switch (rnd.nextInt(3)) {
                case 0 -> "-".getBytes(StandardCharsets.US_ASCII);
                case 1 -> "99999999999999".getBytes(StandardCharsets.US_ASCII);
                default -> ".5e9".getBytes(StandardCharsets.US_ASCII);
              };
              byte[] c = new byte[b.length + ins.length];
              System.arraycopy(b, 0, c, 0, i);
              System.arraycopy(ins, 0, c, i, ins.length);
              System.arraycopy(b, i, c, i + ins.length, b.length - i);
              b = c;
              break;
            }
          }
        }
        default -> {
          // a binary field (.npy lengths): a random little-endian int
          if (at + 4 <= b.length) {
            ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(rnd.nextInt());
          }
        }
      }
    }
    return b;
  }

  /** Runs {@code parse} on every mutation; only {@code expected} exceptions with one-line messages are allowed. */
  static void fuzz(String what, byte[] base, Class<? extends RuntimeException> expected, Consumer<byte[]> parse) {
    fuzz(what, base, List.of(expected), parse, ParserFuzzTest::mutate);
  }

  /** As above, with several allowed exception types and a mutator of its own. */
  static void fuzz(String what, byte[] base, List<Class<? extends RuntimeException>> expected, Consumer<byte[]> parse,
      java.util.function.BiFunction<byte[], SplittableRandom, byte[]> mutator) {
    parse.accept(base); // the base itself is valid
    SplittableRandom rnd = new SplittableRandom(SEED ^ what.hashCode());
    int ok = 0;
    int refused = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] m = mutator.apply(base, rnd);
      try {
        parse.accept(m);
        ok++;
      } catch (RuntimeException e) {
        if (expected.stream().noneMatch(c -> c.isInstance(e))) {
          fail(what + " mutation " + i + " (seed " + SEED + "): " + e.getClass().getName() + ": " + e.getMessage(), e);
        }
        String msg = e.getMessage();
        assertTrue(msg != null && !msg.isBlank(), what + " mutation " + i + ": an empty message");
        assertEquals(1, msg.lines().count(), what + " mutation " + i + ": one line: " + msg);
        refused++;
      } catch (StackOverflowError | OutOfMemoryError e) {
        fail(what + " mutation " + i + " (seed " + SEED + "): " + e);
      }
    }
    System.out.printf("fuzz %s: %d mutations (seed %d): %d parsed, %d refused in one line, 0 other exceptions%n", what, MUTATIONS,
        SEED ^ what.hashCode(), ok, refused);
  }

  static byte[] npy() {
    String header = "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }";
    StringBuilder h = new StringBuilder(header);
    while ((10 + h.length() + 1) % 64 != 0) {
      h.append(' ');
    }
    h.append('\n');
    ByteBuffer b = ByteBuffer.allocate(10 + h.length() + 24).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) h.length());
    b.put(h.toString().getBytes(StandardCharsets.US_ASCII));
    for (int v : new int[] {1, -1, 128, -128, 7, Integer.MIN_VALUE}) {
      b.putInt(v);
    }
    return b.array();
  }

  /** {@code qrtl network --mac-array RxC}: parsed to 1..64 by 1..64, or refused in one line. */
  @Test
  void macArrayOption() {
    fuzz("--mac-array", "16x16".getBytes(StandardCharsets.US_ASCII), dev.qrtl.cli.UserError.class, b -> {
      int[] rc = dev.qrtl.cli.NetworkCommand.macArray(new String(b, StandardCharsets.ISO_8859_1));
      assertTrue(rc[0] >= 1 && rc[0] <= 64 && rc[1] >= 1 && rc[1] <= 64, rc[0] + "x" + rc[1]);
    });
  }

  @Test
  void npyFiles() {
    fuzz(".npy", npy(), IllegalArgumentException.class, b -> NpyReader.parse(b, "fuzz.npy"));
  }

  @Test
  void libertyFiles() throws Exception {
    byte[] base = Files.readAllBytes(Golden.projectRoot().resolve("src/test/resources/liberty/nangate45-excerpt.lib"));
    fuzz("Liberty", base, LibertyException.class,
        b -> LibraryReader.from(LibertyParser.parse(new String(b, StandardCharsets.ISO_8859_1), "fuzz.lib"), "hash"));
  }

  @Test
  void yosysNetlistsAndStatistics() throws Exception {
    byte[] net = Files.readAllBytes(Golden.projectRoot().resolve("src/test/resources/yosys/yosys-0.23-shift-round-netlist.json"));
    fuzz("Yosys netlist JSON", net, ToolException.class, b -> YosysNetlist.parse(new String(b, StandardCharsets.UTF_8), "fuzz.json"));
    byte[] stat = Files.readAllBytes(Golden.projectRoot().resolve("src/test/resources/yosys/yosys-0.23-shift-round-stat.json"));
    fuzz("Yosys stat JSON", stat, ToolException.class, b -> YosysStat.parse(new String(b, StandardCharsets.UTF_8), "fuzz.json"));
  }

  @Test
  void verilatorXml() throws Exception {
    byte[] xml = Files.readAllBytes(Golden.projectRoot().resolve("src/test/resources/verilator/verilator-5.006-shift-round-p1.xml"));
    fuzz("Verilator XML", xml, ToolException.class, b -> dev.qrtl.sim.VerilatorXml.ports(b, "requant_shift_round_a16_q8s_half_up_krt_p1"));
  }

  @Test
  void manifests() throws Exception {
    byte[] m = Files.readAllBytes(Golden.projectRoot().resolve("rtl-out/requant_tflite_double_a32_q8s_mrt_srt_zrt.json"));
    fuzz("manifest", m, ManifestException.class, b -> {
      var man = dev.qrtl.manifest.ManifestIo.fromJson(new String(b, StandardCharsets.UTF_8), "fuzz.json");
      dev.qrtl.kind.Designs.specOf(man, "fuzz.json");
    });
  }
}
