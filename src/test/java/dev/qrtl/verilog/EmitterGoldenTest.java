package dev.qrtl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.HdlException;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.Corpus;
import dev.qrtl.testing.Golden;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmitterGoldenTest {
  static Stream<Arguments> corpus() {
    return Corpus.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void emitsTheGoldenVerilogAndManifest(String name, Supplier<Module> design) {
    Module m = design.get();
    EmittedDesign d = VerilogEmitter.emit(m);
    d.modules().forEach((module, text) -> Golden.check(name + "/" + module + ".v", text));
    Golden.check(name + "/" + m.name() + ".json", ManifestIo.toJson(DesignWriter.manifest(m, d, "example", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void emissionIsIdempotent(String name, Supplier<Module> design) {
    // Two separately built modules, emitted twice each: byte-identical every time.
    Module a = design.get();
    Module b = design.get();
    String first = VerilogEmitter.emit(a).modules().toString();
    assertEquals(first, VerilogEmitter.emit(a).modules().toString());
    assertEquals(first, VerilogEmitter.emit(b).modules().toString());
  }

  @Test
  void identicalChildrenAreEmittedOnce() {
    EmittedDesign d = VerilogEmitter.emit(Corpus.hierarchy());
    assertEquals(java.util.List.of("adder_u8.v", "hierarchy.v"), d.fileNames());
    assertEquals(2, d.topText().split("adder_u8 u_", -1).length - 1, "two instances of one module");
  }

  @Test
  void twoDifferentModulesWithOneNameAreRejected() {
    ModuleBuilder c1 = new ModuleBuilder("child");
    c1.assign(c1.output("y", HwType.u(2)), c1.input("a", HwType.u(2)));
    ModuleBuilder c2 = new ModuleBuilder("child");
    Signal a2 = c2.input("a", HwType.u(2));
    c2.assign(c2.output("y", HwType.u(2)), a2.not());
    ModuleBuilder top = new ModuleBuilder("top");
    Signal x = top.input("x", HwType.u(2));
    var i1 = top.instance("i1", c1.build()).in("a", x);
    var i2 = top.instance("i2", c2.build()).in("a", x);
    top.assign(top.output("y", HwType.u(2)), i1.out("y").xor(i2.out("y")));
    HdlException e = assertThrows(HdlException.class, () -> VerilogEmitter.emit(top.build()));
    assertTrue(e.getMessage().contains("two different modules are both named 'child'"), e.getMessage());
  }

  @Test
  void literalsAreSizedAndNegativeOnesKeepTheirSign() {
    assertEquals("8'sd5", VerilogLiteral.of(java.math.BigInteger.valueOf(5), HwType.s(8)));
    assertEquals("-8'sd5", VerilogLiteral.of(java.math.BigInteger.valueOf(-5), HwType.s(8)));
    assertEquals("-33'sd128", VerilogLiteral.of(java.math.BigInteger.valueOf(-128), HwType.s(33)));
    // -2^(w-1) has no positive w-bit form: the bit pattern (a minus would flip it back in a wider context).
    assertEquals("8'sh80", VerilogLiteral.of(java.math.BigInteger.valueOf(-128), HwType.s(8)));
    assertEquals("8'd200", VerilogLiteral.of(java.math.BigInteger.valueOf(200), HwType.u(8)));
    assertEquals("72'hff", VerilogLiteral.of(java.math.BigInteger.valueOf(255), HwType.u(72)));
  }

  @Test
  void namesAreLegalStableAndCollisionFree() {
    NameAllocator n = new NameAllocator();
    assertEquals("reg_", n.allocate("reg"));
    assertEquals("logic_", n.allocate("logic"));
    assertEquals("x", n.allocate("x"));
    assertEquals("x_1", n.allocate("x"));
    assertEquals("x_2", n.allocate("x"));
    assertEquals("n_3_odd_name", n.allocate("3 odd-name"));
    assertEquals("Reg", n.allocate("Reg"), "Verilog is case-sensitive");
  }
}
