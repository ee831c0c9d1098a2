package dev.qrtl.project;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (docs/architecture.md): each package may use only the packages
 * below it, checked on the compiled classes with ArchUnit. Adding a forbidden import fails here,
 * naming the class and the dependency.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.qrtl");
  }

  @Test
  void layersUseOnlyTheLayersBelowThem() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("util").definedBy("dev.qrtl.util..")
        .layer("results").definedBy("dev.qrtl.results..")
        .layer("spec").definedBy("dev.qrtl.spec..")
        .layer("core").definedBy("dev.qrtl.core..")
        .layer("stimulus").definedBy("dev.qrtl.stimulus..")
        .layer("golden").definedBy("dev.qrtl.golden..")
        .layer("liberty").definedBy("dev.qrtl.liberty..")
        .layer("manifest").definedBy("dev.qrtl.manifest..")
        .layer("tools").definedBy("dev.qrtl.tools..")
        .layer("eval").definedBy("dev.qrtl.eval..")
        .layer("gen").definedBy("dev.qrtl.gen..")
        .layer("verilog").definedBy("dev.qrtl.verilog..")
        .layer("scheme").definedBy("dev.qrtl.scheme..")
        .layer("sim").definedBy("dev.qrtl.sim..")
        .layer("kind").definedBy("dev.qrtl.kind..")
        .layer("synth").definedBy("dev.qrtl.synth..")
        .layer("power").definedBy("dev.qrtl.power..")
        .layer("cosim").definedBy("dev.qrtl.cosim..")
        .layer("energy").definedBy("dev.qrtl.energy..")
        .layer("accuracy").definedBy("dev.qrtl.accuracy..")
        .layer("compare").definedBy("dev.qrtl.compare..")
        .layer("onnx").definedBy("dev.qrtl.onnx..")
        .layer("network").definedBy("dev.qrtl.network..")
        .layer("cluster").definedBy("dev.qrtl.cluster..")
        .layer("report").definedBy("dev.qrtl.report..")
        .layer("bench").definedBy("dev.qrtl.bench..")
        .layer("cli").definedBy("dev.qrtl.cli..")
        .whereLayer("util").mayNotAccessAnyLayer()
        .whereLayer("results").mayOnlyAccessLayers("util")
        .whereLayer("spec").mayOnlyAccessLayers("core")
        .whereLayer("core").mayOnlyAccessLayers("util")
        .whereLayer("stimulus").mayNotAccessAnyLayer()
        .whereLayer("golden").mayOnlyAccessLayers("spec")
        .whereLayer("liberty").mayOnlyAccessLayers("util")
        .whereLayer("manifest").mayOnlyAccessLayers("util")
        .whereLayer("tools").mayOnlyAccessLayers("util")
        .whereLayer("eval").mayOnlyAccessLayers("core", "util")
        .whereLayer("gen").mayOnlyAccessLayers("core", "spec", "util")
        .whereLayer("verilog").mayOnlyAccessLayers("core", "manifest", "util")
        .whereLayer("scheme").mayOnlyAccessLayers("core", "spec", "gen", "golden", "manifest", "verilog", "stimulus", "util")
        .whereLayer("sim").mayOnlyAccessLayers("manifest", "verilog", "tools", "util")
        .whereLayer("kind").mayOnlyAccessLayers("scheme", "sim", "gen", "golden", "spec", "core", "manifest", "verilog", "stimulus", "util")
        .whereLayer("synth").mayOnlyAccessLayers("manifest", "verilog", "liberty", "tools", "util")
        .whereLayer("power").mayOnlyAccessLayers("liberty", "synth", "util")
        .whereLayer("cosim").mayOnlyAccessLayers("kind", "scheme", "golden", "spec", "manifest", "sim", "stimulus", "tools", "util")
        .whereLayer("energy").mayOnlyAccessLayers("power", "cosim", "kind", "synth", "liberty", "scheme", "spec", "stimulus", "sim", "manifest",
            "tools", "util")
        .whereLayer("accuracy").mayOnlyAccessLayers("results", "scheme", "golden", "spec", "stimulus", "util")
        .whereLayer("onnx").mayOnlyAccessLayers("results", "util")
        .whereLayer("compare").mayOnlyAccessLayers("results", "energy", "power", "cosim", "kind", "synth", "sim", "liberty", "scheme", "accuracy", "gen",
            "spec", "golden", "stimulus", "manifest", "verilog", "core", "tools", "util")
        .whereLayer("network").mayOnlyAccessLayers("results", "onnx", "compare", "accuracy", "energy", "power", "synth", "kind", "scheme", "gen", "spec", "stimulus",
            "sim", "manifest", "liberty", "verilog", "core", "tools", "util")
        .whereLayer("cluster").mayOnlyAccessLayers("tools", "util")
        .whereLayer("report").mayOnlyAccessLayers("results", "util")
        .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("bench").mayOnlyAccessLayers("results", "compare", "network", "onnx", "accuracy", "energy", "power", "cosim", "kind", "synth", "sim",
            "liberty", "scheme", "gen", "spec", "golden", "stimulus", "manifest", "verilog", "eval", "core", "tools", "util")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .check(classes);
  }

  /** The layers above, as named there: a package that is in none of them is not covered by the rules, and fails here. */
  static final java.util.List<String> LAYERS = java.util.List.of("util", "results", "spec", "core", "stimulus", "golden", "liberty", "manifest",
      "tools", "eval", "gen", "verilog", "scheme", "sim", "kind", "synth", "power", "cosim", "energy", "accuracy", "compare", "onnx",
      "network", "cluster", "report", "bench", "cli");

  @Test
  void everyPackageIsInALayer() {
    java.util.Set<String> top = new java.util.TreeSet<>();
    for (var c : classes) {
      String p = c.getPackageName();
      if (p.startsWith("dev.qrtl.")) {
        top.add(p.substring("dev.qrtl.".length()).split("\\.")[0]);
      }
    }
    java.util.Set<String> missing = new java.util.TreeSet<>(top);
    missing.removeAll(LAYERS);
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), missing, "packages the layer rules do not cover");
    org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(LAYERS), top, "layers without a package");
  }

  @Test
  void goldenModelsNeverSeeAGenerator() {
    noClasses().that().resideInAPackage("dev.qrtl.golden..").should().dependOnClassesThat().resideInAnyPackage("dev.qrtl.gen..",
        "dev.qrtl.core..", "dev.qrtl.eval..").check(classes);
  }

  @Test
  void simulatorsAndSynthesisNeverSeeTheDsl() {
    noClasses().that().resideInAnyPackage("dev.qrtl.sim..", "dev.qrtl.synth..", "dev.qrtl.power..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.qrtl.core..", "dev.qrtl.gen..", "dev.qrtl.eval..").check(classes);
  }

  @Test
  void nothingButTheCommandLineUsesIt() {
    noClasses().that().resideOutsideOfPackage("dev.qrtl.cli..").should().dependOnClassesThat().resideInAPackage("dev.qrtl.cli..")
        .check(classes);
  }
}
