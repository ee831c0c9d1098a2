package dev.qrtl.gen.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.eval.IrSimulator;
import dev.qrtl.golden.GroupPeModel;
import dev.qrtl.spec.GroupPeSpec;
import dev.qrtl.spec.GroupPeSpec.Granularity;
import dev.qrtl.spec.GroupPeSpec.GroupScale;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The group-scaled PE against its golden model on the IR evaluator, cycle by cycle: W4A8 and W8A8,
 * G = 32, 64, 128 (and 4, to end many groups), shift, dyadic and binary16 scales and the plain MAC;
 * activations and weights over their whole range, scales over every code, invalid cycles and dot
 * products that start in mid-group.
 */
class GroupPeEquivalenceTest {
  private static final long SEED = 20261207L;
  private static final int CYCLES = 6_000;

  static List<GroupPeSpec> specs() {
    List<GroupPeSpec> out = new ArrayList<>();
    for (int w : new int[] {4, 8}) {
      out.add(new GroupPeSpec(8, w, 512, Granularity.TENSOR, 0, GroupScale.SHIFT, 4, 0));
      for (int g : new int[] {4, 32, 64, 128}) {
        out.add(new GroupPeSpec(8, w, 512, Granularity.GROUP, g, GroupScale.SHIFT, 4, 0));
        out.add(new GroupPeSpec(8, w, 512, Granularity.GROUP, g, GroupScale.DYADIC, 8, 0));
        out.add(new GroupPeSpec(8, w, 512, Granularity.GROUP, g, GroupScale.FP16, 16, 0));
      }
    }
    return out;
  }

  @Test
  void everyCycleEqualsTheModel() {
    SplittableRandom r = new SplittableRandom(SEED);
    long checked = 0;
    for (GroupPeSpec s : specs()) {
      IrSimulator sim = new IrSimulator(GroupPeGenerator.generate(s));
      GroupPeModel model = new GroupPeModel(s);
      sim.poke("rst", 1).step().poke("rst", 0);
      long valid = 0;
      for (int c = 0; c < CYCLES; c++) {
        boolean v = r.nextInt(8) != 0;
        boolean first = v && (valid % s.k() == 0 || r.nextInt(300) == 0);
        valid = first ? 1 : valid + (v ? 1 : 0);
        long a = r.nextLong(-(1L << (s.aBits() - 1)), 1L << (s.aBits() - 1));
        long w = r.nextLong(-(1L << (s.wBits() - 1)), 1L << (s.wBits() - 1));
        long scale = s.granularity() == Granularity.GROUP ? r.nextLong(1L << s.scaleBits()) : 0;
        sim.poke("a", a).poke("w", w).poke("first", first ? 1 : 0).poke("valid", v ? 1 : 0);
        if (s.granularity() == Granularity.GROUP) {
          sim.poke("scale", scale);
        }
        sim.step();
        BigInteger want = model.step(v, first, a, w, scale);
        assertEquals(want, sim.peek("acc"), s.moduleName() + " cycle " + c);
        checked++;
      }
    }
    System.out.printf("group-scaled PEs: %d designs x %,d cycles (seed %d) equal to the model, %,d accumulator values%n", specs().size(), CYCLES,
        SEED, checked);
  }
}
