package dev.qrtl.bench;

import dev.qrtl.core.Expr;
import dev.qrtl.core.ExprWalk;
import dev.qrtl.core.Module;
import dev.qrtl.gen.Examples;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.UnifiedSpec;
import dev.qrtl.verilog.EmittedDesign;
import dev.qrtl.verilog.VerilogEmitter;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Builds and emits a design of about N IR nodes; reports time, nodes per second and peak heap. */
public final class GenerationBenchmark {
  private GenerationBenchmark() {}

  public static void run(int nodes, int repeat, PrintWriter out) {
    Module warm = Examples.benchmarkDesign(nodes);
    VerilogEmitter.emit(warm);
    int count = countNodes(warm);
    double best = Double.MAX_VALUE;
    double total = 0;
    long peak = 0;
    int chars = 0;
    for (int i = 0; i < repeat; i++) {
      PeakMemory.reset();
      long t0 = System.nanoTime();
      Module m = Examples.benchmarkDesign(nodes);
      EmittedDesign d = VerilogEmitter.emit(m);
      double s = (System.nanoTime() - t0) / 1e9;
      peak = Math.max(peak, PeakMemory.peakHeapBytes());
      chars = d.topText().length();
      best = Math.min(best, s);
      total += s;
    }
    out.printf("generate+emit: %d IR nodes, %d chars of Verilog%n", count, chars);
    out.printf("  best %.3f s, mean %.3f s over %d runs (after 1 warm-up)%n", best, total / repeat, repeat);
    out.printf("  %.0f nodes/s (best run)%n", count / best);
    out.printf("  peak heap %.1f MiB (JVM max heap %.0f MiB)%n", peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  /** Builds and emits the 64x64 int8 unified module: time per run and peak heap. */
  public static void runUnified(int size, int repeat, PrintWriter out) {
    java.util.function.Supplier<Module> build = () -> {
      var a = new dev.qrtl.spec.MacArraySpec(size, size, 8, true, 8, true, 256, java.util.OptionalInt.empty(),
          dev.qrtl.spec.MacForm.SYSTOLIC, 1, true, false);
      var e = new dev.qrtl.spec.ShiftRoundSpec(a.accBits(), new dev.qrtl.spec.OutputSpec(8, true, true, true),
          dev.qrtl.spec.Rounding.HALF_UP, java.util.OptionalInt.empty(), true, 0, false);
      return dev.qrtl.kind.Designs.generate(new dev.qrtl.spec.UnifiedSpec(a, e)).module();
    };
    VerilogEmitter.emit(build.get()); // warm-up
    double best = Double.MAX_VALUE;
    double total = 0;
    long peak = 0;
    long chars = 0;
    for (int i = 0; i < repeat; i++) {
      PeakMemory.reset();
      long t0 = System.nanoTime();
      EmittedDesign d = VerilogEmitter.emit(build.get());
      double sec = (System.nanoTime() - t0) / 1e9;
      peak = Math.max(peak, PeakMemory.peakHeapBytes());
      chars = d.modules().values().stream().mapToLong(String::length).sum();
      best = Math.min(best, sec);
      total += sec;
    }
    out.printf("generate+emit %dx%d int8 unified module (shift-round epilogue): %d chars of Verilog%n", size, size, chars);
    out.printf("  best %.3f s, mean %.3f s over %d runs (after 1 warm-up)%n", best, total / repeat, repeat);
    out.printf("  peak heap %.1f MiB%n", peak / 1048576.0);
  }

  static int countNodes(Module m) {
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    int n = 0;
    for (Expr e : m.drivers().values()) {
      if (seen.add(e)) {
        n += ExprWalk.countNodes(e);
      }
    }
    return n;
  }
}
