package dev.qrtl.bench;

import dev.qrtl.core.Expr;
import dev.qrtl.core.ExprWalk;
import dev.qrtl.core.Module;
import dev.qrtl.gen.Examples;
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
