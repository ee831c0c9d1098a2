package dev.qrtl.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.energy.CostTerms;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.stimulus.Stimulus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry is consistent: names, options, comparison forms and cost terms of every scheme. */
class SchemeRegistryTest {
  @Test
  void namesAreUniqueAndEverySchemeDescribesItself() {
    Set<String> seen = new HashSet<>();
    for (Scheme<?> s : Schemes.all()) {
      assertTrue(seen.add(s.name()), "one name per scheme: " + s.name());
      s.aliases().forEach(a -> assertTrue(seen.add(a), "alias " + a));
      assertFalse(s.summary().isBlank(), s.name());
      assertTrue(s.name().matches("[a-z][a-z0-9-]*"), s.name());
      assertEquals(s, Schemes.named(s.name()));
    }
    assertThrows(IllegalArgumentException.class, () -> Schemes.named("nope"));
  }

  @Test
  void optionsOfOneNameAgreeAndCommonOnesAreDeclaredByCli() {
    List<Schemes.Declared> declared = Schemes.declaredOptions(); // throws if two schemes disagree on a kind
    assertTrue(declared.stream().anyMatch(d -> d.name().equals("--shift") && d.schemes().size() >= 3), declared.toString());
    for (Schemes.Declared d : declared) {
      assertFalse(SchemeOption.COMMON.stream().anyMatch(c -> c.name().equals(d.name())), d.name());
    }
  }

  @Test
  void everyFormBuildsAUnitWithCostTermsThatEvaluate() {
    Stimulus stim = Stimulus.parse("products:k=64");
    for (Schemes.Form f : Schemes.defaultForms()) {
      assertEquals(f, Schemes.form(f.label()), "the label parses back: " + f.label());
      for (int[] w : new int[][] {{16, 4}, {32, 8}}) {
        if (f.scheme().unsupported(w[0], w[1]).isPresent()) {
          continue;
        }
        var spec = f.scheme().forComparison(f.form(), w[0], w[1], stim, 0);
        assertEquals(f.scheme().name(), spec.scheme(), f.label());
        assertEquals(w[0], spec.accBits());
        double[] x = CostTerms.evaluate(f.scheme().costTerms(f.form()), w[0], w[1], f.form().variables());
        for (double v : x) {
          assertTrue(v > 0 && Double.isFinite(v), f.label() + ": " + java.util.Arrays.toString(x));
        }
        assertTrue(f.scheme().relativeSize(f.form(), w[0], w[1]) > 0);
      }
    }
  }

  @Test
  void runtimeUnitsTakeEveryParameterAtRunTime() {
    SpecBase b = new SpecBase(24, new OutputSpec(8, true, false, true), false, 0);
    for (Scheme<?> s : Schemes.all()) {
      var spec = s.runtimeUnit(b);
      var m = s.generateAny(spec);
      assertTrue(m.inputs().size() >= 2, s.name() + " has run-time parameter inputs: " + m.inputs());
    }
  }

  @Test
  void formListsJoinParameterListsAndRanges() {
    List<String> labels = Schemes.forms(List.of("shift-round", "floor", "tflite-double")).stream().map(Schemes.Form::label).toList();
    assertEquals(List.of("shift-round", "floor", "tflite-double"), labels);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Schemes.forms(List.of("floor", "floor"))).getMessage()
        .contains("named twice"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Schemes.forms(List.of("magic"))).getMessage()
        .startsWith("unknown scheme 'magic'"));
  }
}
