package dev.qrtl.testing;

import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;

/** Small reference circuits the timing and energy cross-checks share. */
public final class Netlists {
  private Netlists() {}

  public static Module adder32() {
    ModuleBuilder m = new ModuleBuilder("adder_u32");
    Signal a = m.input("a", HwType.u(32));
    Signal b = m.input("b", HwType.u(32));
    m.assign(m.output("y", HwType.u(33)), a.add(b));
    return m.build();
  }

  public static Module multiplier16() {
    ModuleBuilder m = new ModuleBuilder("multiplier_u16");
    Signal a = m.input("a", HwType.u(16));
    Signal b = m.input("b", HwType.u(16));
    m.assign(m.output("y", HwType.u(32)), a.mul(b));
    return m.build();
  }

  public static Module multiplier8() {
    ModuleBuilder m = new ModuleBuilder("multiplier_s8");
    Signal a = m.input("a", HwType.s(8));
    Signal b = m.input("b", HwType.s(8));
    m.assign(m.output("y", HwType.s(16)), a.mul(b));
    return m.build();
  }
}
