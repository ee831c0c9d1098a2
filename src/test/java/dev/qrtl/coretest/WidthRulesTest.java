package dev.qrtl.coretest;

import dev.qrtl.core.*;

import static dev.qrtl.core.HwType.s;
import static dev.qrtl.core.HwType.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each documented width rule, and each error case with the message it must give. */
class WidthRulesTest {
  private ModuleBuilder m;
  private Signal u8;
  private Signal u4;
  private Signal s8;
  private Signal s5;
  private Signal k3;

  @BeforeEach
  void setUp() {
    m = new ModuleBuilder("rules");
    u8 = m.input("u8in", u(8));
    u4 = m.input("u4in", u(4));
    s8 = m.input("s8in", s(8));
    s5 = m.input("s5in", s(5));
    k3 = m.input("k", u(3));
  }

  @Test
  void addGrowsByOneBitAndKeepsSignedness() {
    assertEquals(u(9), u8.add(u4).type());
    assertEquals(s(9), s8.add(s5).type());
  }

  @Test
  void subGrowsByOneBitAndIsAlwaysSigned() {
    assertEquals(s(9), u8.sub(u4).type());
    assertEquals(s(9), s8.sub(s5).type());
    assertEquals(s(9), u8.neg().type());
  }

  @Test
  void mulIsTheSumOfWidths() {
    assertEquals(u(12), u8.mul(u4).type());
    assertEquals(s(13), s8.mul(s5).type());
  }

  @Test
  void bitwiseTakesTheWiderOperand() {
    assertEquals(u(8), u8.and(u4).type());
    assertEquals(s(8), s8.or(s5).type());
    assertEquals(s(5), s5.not().type());
  }

  @Test
  void comparisonsAndReductionsAreOneBit() {
    assertEquals(u(1), s8.lt(s5).type());
    assertEquals(u(1), u8.eq(u4).type());
    assertEquals(u(1), s8.andR().type());
    assertEquals(u(1), u8.xorR().type());
  }

  @Test
  void constantShifts() {
    assertEquals(s(11), s8.shl(3).type());
    assertEquals(s(5), s8.shr(3).type());
    assertEquals(u(5), s8.srl(3).type());
    assertEquals(s(5), u8.sra(3).type());
    assertEquals(s(1), s8.shr(20).type(), "shifting out every bit leaves the sign");
    assertEquals(u(1), u8.shr(20).type());
  }

  @Test
  void variableShifts() {
    assertEquals(s(15), s8.shl(k3).type(), "8 + 2^3 - 1");
    assertEquals(s(8), s8.shr(k3).type());
    assertEquals(u(8), s8.srl(k3).type());
  }

  @Test
  void muxSliceConcatAndConversions() {
    assertEquals(s(8), u8.bit(0).select(s8, s5).type());
    assertEquals(u(3), s8.slice(5, 3).type());
    assertEquals(u(12), Expr.cat(u8, s5.slice(3, 0)).type());
    assertEquals(s(12), s8.extend(12).type());
    assertEquals(s(6), s8.truncate(6).type());
    assertEquals(u(8), s8.asUnsigned().type());
    assertEquals(s(9), u8.toSigned().type());
    assertEquals(s8, s8.toSigned());
  }

  @Test
  void mixingSignednessNamesBothOperandsTheirTypesAndTheSourceLine() {
    HdlException e = assertThrows(HdlException.class, () -> u8.add(s8));
    assertTrue(e.getMessage().contains("signedness mismatch in add"), e.getMessage());
    assertTrue(e.getMessage().contains("'u8in' is u8"), e.getMessage());
    assertTrue(e.getMessage().contains("'s8in' is s8"), e.getMessage());
    assertTrue(e.getMessage().contains("WidthRulesTest.java:"), e.getMessage());
    for (Runnable r : new Runnable[] {
        () -> u8.sub(s8), () -> u8.mul(s8), () -> u8.and(s8), () -> u8.lt(s8),
        () -> u8.bit(0).select(u8, s8)}) {
      assertThrows(HdlException.class, r::run);
    }
  }

  @Test
  void assigningWiderNamesTargetWidthsAndLine() {
    Signal y = m.output("y", u(8));
    HdlException e = assertThrows(HdlException.class, () -> m.assign(y, u8.add(u4)));
    String msg = e.getMessage();
    assertTrue(msg.contains("width mismatch"), msg);
    assertTrue(msg.contains("8-bit u8 'y'"), msg);
    assertTrue(msg.contains("9-bit expression (u8in + u4in)"), msg);
    assertTrue(msg.contains("WidthRulesTest.java:"), msg);
    assertTrue(msg.contains("truncate(8)"), msg);
  }

  @Test
  void assigningOtherSignednessIsAnError() {
    Signal y = m.output("y", s(9));
    HdlException e = assertThrows(HdlException.class, () -> m.assign(y, u8));
    assertTrue(e.getMessage().contains("signedness mismatch: cannot drive s9 'y'"), e.getMessage());
  }

  @Test
  void narrowerValuesAreExtendedImplicitlyWhenAssigned() {
    Signal y = m.output("y", s(12));
    m.assign(y, s5);
    assertEquals(s(12), m.build().drivers().get(y).type());
  }

  @Test
  void badConversionsAndShiftsAreErrors() {
    assertTrue(assertThrows(HdlException.class, () -> s8.extend(4)).getMessage().contains("use truncate(4)"));
    assertTrue(assertThrows(HdlException.class, () -> s8.truncate(9)).getMessage().contains("use extend(9)"));
    assertTrue(assertThrows(HdlException.class, () -> s8.slice(8, 0)).getMessage().contains("outside 's8in' of 8 bits"));
    assertTrue(assertThrows(HdlException.class, () -> s8.shl(-1)).getMessage().contains("negative shift"));
    assertTrue(assertThrows(HdlException.class, () -> s8.shr(s5)).getMessage().contains("shift amounts are unsigned"));
    assertTrue(assertThrows(HdlException.class, () -> s8.shl(m.input("k11", u(11)))).getMessage().contains("truncate the amount"));
    assertTrue(assertThrows(HdlException.class, () -> s8.select(u8, u4)).getMessage().contains("not u1"));
  }

  @Test
  void widthsUpTo4096AreSupported() {
    assertEquals(4096, new HwType(4096, true).width());
    assertThrows(HdlException.class, () -> new HwType(0, false));
    assertThrows(HdlException.class, () -> new HwType(4097, false));
    Signal wide = m.input("wide", u(1024));
    assertEquals(u(2048), wide.mul(wide).type());
    assertThrows(HdlException.class, () -> wide.mul(wide).mul(wide).mul(wide).mul(wide));
  }

  @Test
  void literalsMustFitTheirType() {
    assertThrows(HdlException.class, () -> Expr.lit(128, s(8)));
    assertThrows(HdlException.class, () -> Expr.lit(-1, u(8)));
    assertEquals(s(4), Lit.fitting(-8, true).type());
    assertEquals(u(3), Lit.fitting(7, false).type());
  }

  @Test
  void literalOperationsAndDecidedComparisonsFold() {
    assertEquals(new Lit(java.math.BigInteger.valueOf(7), u(4)), Expr.lit(3, u(3)).add(Expr.lit(4, u(3))));
    assertTrue(u8.ge(Expr.lit(0, u(1))) instanceof Lit, "u >= 0 is always true");
    assertTrue(s8.lt(s8) instanceof Lit);
    assertTrue(u8.mul(Expr.lit(0, u(2))) instanceof Lit);
  }
}
