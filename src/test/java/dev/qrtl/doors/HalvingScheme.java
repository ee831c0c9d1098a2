package dev.qrtl.doors;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.scheme.CompareForm;
import dev.qrtl.scheme.RequantizerModel;
import dev.qrtl.scheme.Scheme;
import dev.qrtl.scheme.SpecBase;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The halving scheme, everything in this one class: generator, golden model with its corner cases, comparison form. */
public final class HalvingScheme implements Scheme<HalvingSpec> {
  @Override
  public String name() {
    return "halving";
  }

  @Override
  public Class<HalvingSpec> specType() {
    return HalvingSpec.class;
  }

  @Override
  public Module generate(HalvingSpec s) {
    ModuleBuilder m = new ModuleBuilder(s.moduleName()).description("halving requantizer: q = clamp(floor(acc / 2))");
    m.param("scheme", "halving").param("acc_bits", s.accBits()).param("out_bits", s.out().bits());
    Signal acc = m.input("acc", HwType.s(s.accBits()));
    Expr half = m.wire("half", acc.shr(1));
    int w = s.accBits();
    Expr hi = Expr.lit(s.out().max().longValueExact(), HwType.s(w));
    Expr lo = Expr.lit(s.out().min().longValueExact(), HwType.s(w));
    Expr clamped = half.gt(hi).select(hi, half.lt(lo).select(lo, half));
    m.assign(m.output("q", HwType.s(s.out().bits())), clamped.truncate(s.out().bits()).asSigned());
    return m.build();
  }

  @Override
  public RequantizerModel model(HalvingSpec s) {
    return new RequantizerModel() {
      @Override
      public QuantizerSpec spec() {
        return s;
      }

      @Override
      public long apply(long acc, Inputs in) {
        return range().apply(Math.floorDiv(acc, 2));
      }

      @Override
      public List<long[]> corners(List<PortSpec> inputs) {
        List<long[]> v = new ArrayList<>();
        long max = (1L << (s.accBits() - 1)) - 1;
        for (long acc : new long[] {-max - 1, max, 0, 1, -1, 2 * range().max(), 2 * range().max() + 2, 2 * range().min() - 1}) {
          v.add(new long[] {acc});
        }
        return v;
      }

      @Override
      public long random(PortSpec port, SplittableRandom rnd, ValueSampler accumulators) {
        throw new IllegalArgumentException("halving has no run-time input '" + port.name() + "'");
      }

      @Override
      public long fitted(PortSpec port, SplittableRandom rnd, double spread) {
        return random(port, rnd, null);
      }
    };
  }

  @Override
  public HalvingSpec runtimeUnit(SpecBase b) {
    return new HalvingSpec(b.accBits(), b.out(), b.pipeline());
  }

  @Override
  public List<CompareForm> compareForms() {
    return List.of(CompareForm.plain("halving"));
  }
}
