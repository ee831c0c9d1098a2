package dev.qrtl.testing;

import dev.qrtl.eval.IrSimulator;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import java.math.BigInteger;

/**
 * Replays co-simulation records (inputs, check flag, expected outputs, as the Verilator and Icarus
 * harnesses read them) on the IR evaluator: per record set the inputs, compare every output when
 * the record is checked, then give the clock one edge. So the generator-versus-golden check runs
 * on exactly the stimulus co-simulation uses, without a simulator build.
 */
public final class RecordReplay {
  private RecordReplay() {}

  /** What a replay saw. */
  public record Result(long records, long checked, long mismatches, String firstMismatch) {}

  public static Result run(IrSimulator sim, Manifest m, RecordSource source, long records) {
    PortLayout layout = PortLayout.of(m);
    int rec = layout.recordWords();
    int chunk = 1024;
    long[] buf = new long[chunk * rec];
    long done = 0;
    long checked = 0;
    long bad = 0;
    String first = null;
    boolean clocked = m.clock() != null;
    while (done < records) {
      int n = (int) Math.min(chunk, records - done);
      source.fill(buf, n);
      for (int r = 0; r < n; r++, done++) {
        int base = r * rec;
        for (int i = 0; i < layout.inputs().size(); i++) {
          PortSpec p = layout.inputs().get(i);
          sim.poke(p.name(), value(p, buf[base + layout.inputOffset(i)]));
        }
        if (buf[base] != 0) {
          checked++;
          for (int o = 0; o < layout.outputs().size(); o++) {
            PortSpec p = layout.outputs().get(o);
            BigInteger want = value(p, buf[base + layout.outputOffset(o)]);
            BigInteger got = sim.peek(p.name());
            if (!want.equals(got)) {
              bad++;
              if (first == null) {
                first = "record " + done + ", output " + p.name() + ": expected " + want + ", got " + got;
              }
            }
          }
        }
        if (clocked) {
          sim.step();
        }
      }
    }
    return new Result(done, checked, bad, first);
  }

  /** A record word as the port's exact value (low width bits, sign-extended for a signed port). */
  static BigInteger value(PortSpec p, long word) {
    int w = p.width();
    if (w >= 64) {
      return p.signed() ? BigInteger.valueOf(word) : new BigInteger(Long.toUnsignedString(word));
    }
    long bits = word & ((1L << w) - 1);
    if (p.signed() && ((bits >>> (w - 1)) & 1) != 0) {
      bits -= 1L << w;
    }
    return BigInteger.valueOf(bits);
  }
}
