package dev.qrtl.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HdlException;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.scheme.RequantizerModel;
import dev.qrtl.scheme.Scheme;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.scheme.SpecBase;
import dev.qrtl.scheme.CompareForm;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.spec.DyadicSpec;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.stimulus.Stimulus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parameter is declared once, in its spec, and everything follows: changing the zero point of a
 * dyadic unit from the constant 3 to a run-time input (one component of the spec, nothing else)
 * adds the port, makes the golden model read it, gives the test vectors a column for it (its
 * corner values included), changes the header line and the module name. And a generator whose
 * port disagrees with its spec's declaration is refused when the module is built, naming both.
 */
class ParamDeclarationTest {
  @TempDir Path dir;

  private static DyadicSpec dyadic(OptionalLong zeroPoint) {
    return new DyadicSpec(24, new OutputSpec(8, true, false, true), 8, Rounding.HALF_EVEN, OptionalLong.empty(), OptionalInt.empty(),
        zeroPoint, false, 0, List.of());
  }

  private static List<String> inputs(Module m) {
    return m.inputs().stream().map(Signal::name).toList();
  }

  @Test
  void changingOneSourceMovesPortsModelVectorsHeaderAndName() throws Exception {
    DyadicSpec constant = dyadic(OptionalLong.of(3));
    DyadicSpec runtime = dyadic(OptionalLong.empty());
    assertEquals(new dev.qrtl.spec.ParamSource.Const(3), Param.named(constant.params(), "zero_point").source());
    assertTrue(Param.named(runtime.params(), "zero_point").isPort());

    // ports
    Module mc = Designs.generate(constant).module();
    Module mr = Designs.generate(runtime).module();
    assertEquals(List.of("acc", "multiplier", "shift"), inputs(mc));
    assertEquals(List.of("acc", "multiplier", "shift", "zero_point"), inputs(mr));

    // the golden model's binding: the constant is applied, the port is read
    List<String> asked = new ArrayList<>();
    RequantizerModel.Inputs in = port -> {
      asked.add(port);
      return switch (port) {
        case "multiplier" -> 200;
        case "shift" -> 12;
        case "zero_point" -> -5;
        default -> throw new AssertionError(port);
      };
    };
    long acc = 1000; // 1000 x 200 / 2^12 = 48.8: inside the output range either way
    long qc = Schemes.model(constant).apply(acc, in);
    assertFalse(asked.contains("zero_point"), "a constant zero point is never read from an input: " + asked);
    asked.clear();
    long qr = Schemes.model(runtime).apply(acc, in);
    assertTrue(asked.contains("zero_point"), "a run-time zero point is read: " + asked);
    assertEquals(3 - -5, qc - qr, "the same product, the constant 3 against the input -5");

    // the test vectors: a column for the input, with the corner values of a zero point in it
    Manifest man = ManifestIo.read(Designs.write(runtime, dir.resolve("rt")));
    Manifest manConst = ManifestIo.read(Designs.write(constant, dir.resolve("c")));
    assertEquals(List.of("acc", "multiplier", "shift", "zero_point"), PortLayout.of(man).inputs().stream().map(PortSpec::name).toList());
    assertFalse(PortLayout.of(manConst).inputs().stream().anyMatch(p -> p.name().equals("zero_point")));
    List<long[]> corners = Schemes.model(runtime).corners(PortLayout.of(man).inputs());
    assertTrue(corners.stream().anyMatch(v -> v[3] == -128) && corners.stream().anyMatch(v -> v[3] == 127),
        "the zero point's corners: the output range's ends");
    QuantizerRecords records = new QuantizerRecords(man, Stimulus.parse("uniform"), 100, 1);
    long[] buf = new long[(int) records.total() * PortLayout.of(man).recordWords()];
    records.fill(buf, (int) records.total());

    // the header comment and the module name
    String vc = Files.readString(dir.resolve("c").resolve(constant.moduleName() + ".v"));
    String vr = Files.readString(dir.resolve("rt").resolve(runtime.moduleName() + ".v"));
    assertTrue(vc.contains("zero_point = 3") && vr.contains("zero_point = runtime"), "the header follows the declaration");
    assertTrue(constant.moduleName().endsWith("_z3") && runtime.moduleName().endsWith("_zrt"), constant.moduleName() + ", "
        + runtime.moduleName());
  }

  /** A scheme of this test whose generator always makes a zero-point input, whatever its spec declares. */
  record Zp(int accBits, OutputSpec out, int pipeline, OptionalLong zeroPoint) implements QuantizerSpec {
    @Override
    public String scheme() {
      return "zp-test";
    }

    @Override
    public String moduleName() {
      return "requant_zp_test" + Param.named(params(), "zero_point").nameTag();
    }

    @Override
    public List<Param> params() {
      return List.of(Param.of("zero_point", Param.Role.ZERO_POINT, out.bits() + 1, true, "z", zeroPoint));
    }
  }

  static final class ZpScheme implements Scheme<Zp> {
    private final boolean makesThePort;

    ZpScheme(boolean makesThePort) {
      this.makesThePort = makesThePort;
    }

    @Override
    public String name() {
      return "zp-test";
    }

    @Override
    public Class<Zp> specType() {
      return Zp.class;
    }

    @Override
    public Module generate(Zp s) {
      ModuleBuilder m = new ModuleBuilder(s.moduleName());
      Signal acc = m.input("acc", HwType.s(s.accBits()));
      Expr zp = makesThePort ? m.input("zero_point", HwType.s(s.out().bits() + 1)) : Expr.lit(0, HwType.s(s.out().bits() + 1));
      m.assign(m.output("q", HwType.s(s.out().bits())), acc.add(zp).truncate(s.out().bits()).asSigned());
      return m.build();
    }

    @Override
    public RequantizerModel model(Zp s) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Zp runtimeUnit(SpecBase b) {
      return new Zp(b.accBits(), b.out(), 0, OptionalLong.empty());
    }

    @Override
    public List<CompareForm> compareForms() {
      return List.of();
    }
  }

  @Test
  void aGeneratorPortThatDisagreesWithTheDeclarationIsRefusedNamingBoth() {
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    try (var r = Schemes.register(new ZpScheme(true))) {
      HdlException e = assertThrows(HdlException.class, () -> Designs.generate(new Zp(16, s8, 0, OptionalLong.of(2))));
      assertEquals("module requant_zp_test_z2: the generator made an input 'zero_point', but the spec declares zero_point as the constant 2",
          e.getMessage());
      assertEquals(List.of("acc", "zero_point"), inputs(Designs.generate(new Zp(16, s8, 0, OptionalLong.empty())).module()),
          "declared a run-time input, the same generator is accepted");
    }
    try (var r = Schemes.register(new ZpScheme(false))) {
      HdlException e = assertThrows(HdlException.class, () -> Designs.generate(new Zp(16, s8, 0, OptionalLong.empty())));
      assertEquals("module requant_zp_test_zrt: the spec declares 'zero_point' a run-time input, but the generator made no such port (its"
          + " inputs: acc)", e.getMessage());
    }
  }


  /** Spec components are values: two specs built from equal tables are equal, and hash alike. */
  @Test
  void specsWithEqualTablesAreEqual() {
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    java.util.function.Supplier<DyadicSpec> d = () -> new DyadicSpec(24, s8, 5, Rounding.HALF_AWAY, OptionalLong.empty(), OptionalInt.empty(),
        OptionalLong.empty(), true, 0, List.of(new dev.qrtl.spec.ChannelPair(17, 9), new dev.qrtl.spec.ChannelPair(31, 14)));
    assertEquals(d.get(), d.get());
    assertEquals(d.get().hashCode(), d.get().hashCode());
    java.util.function.Supplier<dev.qrtl.spec.TfliteSpec> t = () -> new dev.qrtl.spec.TfliteSpec(32, s8, false, OptionalInt.empty(),
        OptionalInt.empty(), OptionalLong.empty(), false, 0, List.of(new dev.qrtl.spec.ChannelPair(1 << 30, -3)));
    assertEquals(t.get(), t.get());
    assertEquals(new dev.qrtl.spec.ThresholdSpec(12, new OutputSpec(2, true, false, true), dev.qrtl.spec.ThresholdSpec.constants(-40, 0, 33), 1),
        new dev.qrtl.spec.ThresholdSpec(12, new OutputSpec(2, true, false, true), dev.qrtl.spec.ThresholdSpec.constants(-40, 0, 33), 1));
  }
}
