package dev.qrtl.gen.quant;

import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.core.Expr;
import dev.qrtl.gen.ParamSignals;
import dev.qrtl.spec.Param;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Lit;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The multi-threshold unit: 2^b - 1 parallel comparators {@code acc >= T_i} and a population
 * count (an adder tree) plus the output minimum. Constant thresholds outside the accumulator range
 * fold to constant comparisons.
 */
public final class ThresholdGenerator {
  private ThresholdGenerator() {}

  public static Module generate(ThresholdSpec spec) {
    ModuleBuilder m = new ModuleBuilder(spec.moduleName())
        .description("multi-threshold requantizer: q = out_min + #{i : acc >= T_i}");
    ParamSignals ps = new ParamSignals(m, 1);
    List<Param> params = spec.params();
    m.param("scheme", spec.scheme())
        .param("acc_bits", spec.accBits())
        .param("out_bits", spec.out().bits())
        .param("out_signed", spec.out().signed())
        .param("thresholds", spec.thresholds().map(Object::toString).orElse("runtime"))
        .param("pipeline", spec.pipeline());
    Signal acc = m.input("acc", HwType.s(spec.accBits()));
    int n = ThresholdSpec.count(spec.out());
    List<Expr> hits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Param p = params.get(i);
      // a constant threshold is the narrowest literal of its value, so comparisons outside the range fold away
      Expr t = p.isConst() ? Lit.fitting(p.constant(), true) : ps.port(p);
      hits.add(acc.ge(t));
    }
    m.stage("population count of the thresholds reached");
    Expr count = dev.qrtl.gen.AdderTree.sum(m, "count", hits);
    BigInteger min = spec.out().min();
    Expr value = count.toSigned().add(Expr.lit(min, HwType.fitting(min, min, true)));
    // out_min + count always lies in the output range: no clamp logic.
    OutputStage.finishInRange(m, m.wire("level", value), spec.out(), spec.pipeline());
    return m.build();
  }
}
