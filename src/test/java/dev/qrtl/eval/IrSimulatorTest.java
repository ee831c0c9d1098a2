package dev.qrtl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qrtl.core.HdlException;
import dev.qrtl.testing.Corpus;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class IrSimulatorTest {
  @Test
  void combinationalValuesAreExact() {
    IrSimulator sim = new IrSimulator(Corpus.signedOps());
    sim.poke("a", -128).poke("b", -8);
    assertEquals(-136, sim.peekLong("sum"));
    assertEquals(-120, sim.peekLong("diff"));
    assertEquals(1024, sim.peekLong("prod"));
    assertEquals(128, sim.peekLong("neg"));
    assertEquals(1, sim.peekLong("less"));
    assertEquals(-8, sim.peekLong("max"));
    assertEquals(-256, sim.peekLong("plus_min"));
  }

  @Test
  void shiftsFloorAndReinterpret() {
    IrSimulator sim = new IrSimulator(Corpus.shifts());
    sim.poke("a", -9).poke("k", 2);
    assertEquals(-72, sim.peekLong("shl3"));
    assertEquals(-2, sim.peekLong("shr3"), "floor(-9 / 8)");
    assertEquals((1024 - 9) >> 3, sim.peekLong("srl3"));
    assertEquals(-36, sim.peekLong("shl_var"));
    assertEquals(-3, sim.peekLong("sra_var"), "floor(-9 / 4)");
    assertEquals((1024 - 9) >> 2, sim.peekLong("srl_var"));
    assertEquals(-1, sim.peekLong("shr_all"));
  }

  @Test
  void registersResetEnableAndClear() {
    IrSimulator sim = new IrSimulator(Corpus.accumulator());
    sim.poke("rst", 1).poke("x", 5).poke("en", 1).poke("clear", 0).step();
    assertEquals(0, sim.peekLong("acc"));
    sim.poke("rst", 0).step().step();
    assertEquals(10, sim.peekLong("acc"));
    sim.poke("en", 0).step();
    assertEquals(10, sim.peekLong("acc"), "disabled register holds");
    assertEquals(5, sim.peekLong("last"), "register without enable follows");
    sim.poke("en", 1).poke("clear", 1).poke("x", -3).step();
    assertEquals(-3, sim.peekLong("acc"));
    sim.poke("clear", 0).poke("x", 127);
    for (int i = 0; i < 300; i++) {
      sim.step();
    }
    assertEquals(-3 + 300 * 127 - 65536, sim.peekLong("acc"), "the accumulator wraps at 16 bits");
  }

  @Test
  void hierarchyIsFlattened() {
    IrSimulator sim = new IrSimulator(Corpus.hierarchy());
    sim.poke("a", 200).poke("b", 100).poke("c", 7).step();
    assertEquals((300 & 0xff) + 7, sim.peekLong("total"));
  }

  @Test
  void wideValues() {
    IrSimulator sim = new IrSimulator(Corpus.wide());
    BigInteger big = BigInteger.ONE.shiftLeft(69).add(BigInteger.valueOf(12345));
    sim.poke("a", BigInteger.ONE.shiftLeft(99).negate()).poke("b", big);
    assertEquals(BigInteger.ONE.shiftLeft(99).negate().add(big), sim.peek("sum"));
    assertEquals(big.multiply(big), sim.peek("prod"));
  }

  @Test
  void badPokesAreErrors() {
    IrSimulator sim = new IrSimulator(Corpus.adderU8());
    assertThrows(HdlException.class, () -> sim.poke("a", 256));
    assertThrows(HdlException.class, () -> sim.poke("nope", 1));
  }
}
