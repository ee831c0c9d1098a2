package dev.qrtl.coretest;

import dev.qrtl.core.*;
import dev.qrtl.core.Module;

import static dev.qrtl.core.HwType.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleBuilderTest {
  @Test
  void undrivenOutputIsReportedWithItsDeclarationLine() {
    ModuleBuilder m = new ModuleBuilder("m");
    m.input("a", u(4));
    m.output("y", u(4));
    HdlException e = assertThrows(HdlException.class, m::build);
    assertTrue(e.getMessage().matches("output 'y' of module 'm' is never driven \\(declared at ModuleBuilderTest.java:\\d+\\)"), e.getMessage());
  }

  @Test
  void undrivenWireAndRegisterWithoutNextAreReported() {
    ModuleBuilder m = new ModuleBuilder("m");
    m.wire("w", u(4));
    assertTrue(assertThrows(HdlException.class, m::build).getMessage().contains("wire 'w' of module 'm' is never driven"));
    ModuleBuilder r = new ModuleBuilder("r");
    r.reg("q", u(4));
    assertTrue(assertThrows(HdlException.class, r::build).getMessage().contains("register 'q' of module 'r' has no next value"));
  }

  @Test
  void combinationalLoopIsReportedWithThePath() {
    ModuleBuilder m = new ModuleBuilder("loopy");
    Signal a = m.input("a", u(4));
    Signal w1 = m.wire("w1", u(5));
    Signal w2 = m.wire("w2", w1.truncate(4).xor(a));
    m.assign(w1, w2.add(a).truncate(5));
    m.assign(m.output("y", u(5)), w1);
    HdlException e = assertThrows(HdlException.class, m::build);
    assertTrue(e.getMessage().startsWith("combinational loop in module 'loopy': "), e.getMessage());
    assertTrue(e.getMessage().contains("w1 (declared at ModuleBuilderTest.java:"), e.getMessage());
    assertTrue(e.getMessage().contains("w2 (declared at"), e.getMessage());
  }

  @Test
  void registersBreakLoops() {
    ModuleBuilder m = new ModuleBuilder("counter");
    Signal q = m.reg("count_q", u(8), 0);
    m.next(q, q.add(Expr.lit(1, u(1))).truncate(8));
    m.assign(m.output("count", u(8)), q);
    Module built = m.build();
    assertEquals(Set.of(), built.combDeps().get("count"));
  }

  @Test
  void loopThroughAChildInstanceIsFound() {
    ModuleBuilder c = new ModuleBuilder("pass");
    c.assign(c.output("y", u(4)), c.input("a", u(4)));
    Module pass = c.build();
    assertEquals(Set.of("a"), pass.combDeps().get("y"));
    ModuleBuilder m = new ModuleBuilder("top");
    Signal w = m.wire("w", u(4));
    InstanceBuilder i = m.instance("u0", pass).in("a", w);
    m.assign(w, i.out("y"));
    m.assign(m.output("y", u(4)), w);
    assertTrue(assertThrows(HdlException.class, m::build).getMessage().contains("combinational loop in module 'top'"));
  }

  @Test
  void misuseIsReported() {
    ModuleBuilder m = new ModuleBuilder("m");
    Signal a = m.input("a", u(4));
    Signal y = m.output("y", u(4));
    m.assign(y, a);
    assertTrue(assertThrows(HdlException.class, () -> m.assign(y, a)).getMessage().contains("driven twice"));
    assertTrue(assertThrows(HdlException.class, () -> m.assign(a, a)).getMessage().contains("cannot assign to input 'a'"));
    ModuleBuilder other = new ModuleBuilder("other");
    Signal b = other.input("b", u(4));
    Signal z = m.output("z", u(4));
    m.assign(z, b);
    assertTrue(assertThrows(HdlException.class, m::build).getMessage().contains("reads signal 'b' of another module"));
  }

  @Test
  void unconnectedChildInputIsReported() {
    ModuleBuilder c = new ModuleBuilder("child");
    c.assign(c.output("y", u(4)), c.input("a", u(4)));
    Module child = c.build();
    ModuleBuilder m = new ModuleBuilder("top");
    InstanceBuilder i = m.instance("u0", child);
    m.assign(m.output("y", u(4)), i.out("y"));
    assertTrue(assertThrows(HdlException.class, m::build).getMessage().contains("input 'a' of instance 'u0' (module 'child') is not connected"));
    assertTrue(assertThrows(HdlException.class, () -> i.out("nope")).getMessage().contains("has no output 'nope'"));
  }
}
