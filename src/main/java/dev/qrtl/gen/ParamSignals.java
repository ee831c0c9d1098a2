package dev.qrtl.gen;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.ParamSource;

/**
 * A spec's declared parameters as hardware, for one module: a constant becomes a literal of the
 * parameter's type, a run-time parameter the input port named after it (made where the generator
 * first asks, so the generator decides the port order), a per-channel table a named mux chain on
 * the {@code channel} input (made once, at the first table). A generator never writes a
 * parameter's port name itself.
 */
public final class ParamSignals {
  private final ModuleBuilder m;
  private final int channelBits;
  private Signal channel;

  /** @param channelBits the width of the {@code channel} input, should a table be asked for */
  public ParamSignals(ModuleBuilder m, int channelBits) {
    this.m = m;
    this.channelBits = channelBits;
  }

  public static HwType type(Param p) {
    return p.signed() ? HwType.s(p.bits()) : HwType.u(p.bits());
  }

  /** The parameter's value as an expression. */
  public Expr of(Param p) {
    HwType t = type(p);
    if (p.source() instanceof ParamSource.Const c) {
      return Expr.lit(c.value(), t);
    }
    if (p.source() instanceof ParamSource.Table table) {
      if (channel == null) {
        channel = m.input(Param.CHANNEL, HwType.u(channelBits));
      }
      return m.wire("channel_" + p.name(), lookup(channel, table, t));
    }
    return m.input(p.name(), t);
  }

  /** The run-time input of a parameter that is one (a generator that treats constants its own way asks this only for ports). */
  public Signal port(Param p) {
    if (!p.isPort()) {
      throw new IllegalArgumentException("parameter " + p.name() + " is " + p.header() + ", not a run-time input");
    }
    return m.input(p.name(), type(p));
  }

  /** A per-channel table as a mux chain: indices past the table select its last entry. */
  private static Expr lookup(Expr channel, ParamSource.Table table, HwType type) {
    var values = table.values();
    Expr result = Expr.lit(values.get(values.size() - 1), type);
    for (int i = values.size() - 2; i >= 0; i--) {
      result = channel.eq(Expr.lit(i, channel.type())).select(Expr.lit(values.get(i), type), result);
    }
    return result;
  }
}
