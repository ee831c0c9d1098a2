package dev.qrtl.compare;

import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.ParetoResult;
import dev.qrtl.energy.FastModel;
import dev.qrtl.energy.FastModelFit;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.tools.ToolException;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.CacheStore;
import dev.qrtl.util.Lifecycle;
import dev.qrtl.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a comparison into {@code <out>/<library>/}: comparison.md, .csv, .json, the plots, and a
 * fast model fitted on the rows where they determine one. Everything is written into a scratch
 * folder of this run's own beside it first and moved into place at the end, so a failure or a
 * signal leaves the previous results, never half of new ones; the caller holds the folder's
 * {@link dev.qrtl.util.OutputLock}, so no other run publishes there at the same time.
 */
public final class ResultFolder {
  private ResultFolder() {}

  public static Path write(CompareResult r, java.util.OptionalDouble clockNs, Path out) {
    String folder = r.folderName(clockNs);
    return replace(out, folder, "the comparison", scratch -> {
      AtomicFiles.writeString(scratch.resolve("comparison.md"), ResultWriter.markdown(r));
      AtomicFiles.writeString(scratch.resolve("comparison.csv"), ResultWriter.csv(r));
      AtomicFiles.writeString(scratch.resolve("comparison.json"), ResultWriter.json(r));
      Plots.write(r, scratch);
      fastModel(r).ifPresent(m -> AtomicFiles.writeString(scratch.resolve("fast-model.json"), ResultWriter.json(m)));
      keepOthers(out.resolve(folder), scratch);
    });
  }

  /**
   * Writes the MX study into {@code <out>/mx-<library>[-clock...]/}: the block quantizers' comparison
   * (comparison.md, .csv, .json, its plots), the accuracy-cost front (mx-pareto.md, .json, its
   * plot) and the other MX units beside their plain counterparts (mx-units.md, .json), replacing the
   * folder as a whole.
   */
  public static Path writeMx(CompareResult cost, dev.qrtl.results.MxParetoResult front, dev.qrtl.results.MxUnitsResult units,
      java.util.OptionalDouble clockNs, Path out) {
    String folder = "mx-" + cost.folderName(clockNs);
    return replace(out, folder, "the MX study", scratch -> {
      AtomicFiles.writeString(scratch.resolve("comparison.md"), ResultWriter.markdown(cost));
      AtomicFiles.writeString(scratch.resolve("comparison.csv"), ResultWriter.csv(cost));
      AtomicFiles.writeString(scratch.resolve("comparison.json"), ResultWriter.json(cost));
      Plots.write(cost, scratch);
      AtomicFiles.writeString(scratch.resolve("mx-pareto.md"), MxParetoStudy.markdown(front));
      AtomicFiles.writeString(scratch.resolve("mx-pareto.json"), ResultWriter.json(front));
      Plots.mxPareto(front, scratch);
      AtomicFiles.writeString(scratch.resolve("mx-units.md"), MxUnitsStudy.markdown(units));
      AtomicFiles.writeString(scratch.resolve("mx-units.json"), ResultWriter.json(units));
    });
  }

  /** Fills a scratch folder with a result's files. */
  @FunctionalInterface
  public interface Contents {
    void write(Path scratch) throws IOException;
  }

  /**
   * Replaces {@code <out>/<folder>} as a whole: {@code contents} fills a scratch folder beside it,
   * which is renamed into place only when complete (the old folder moved aside first, then
   * deleted), so a failure or a signal never leaves a half-written result; {@code what} names the
   * result in the error.
   */
  public static Path replace(Path out, String folder, String what, Contents contents) {
    Path target = out.resolve(folder);
    String unique = "." + CacheStore.host() + "." + ProcessHandle.current().pid() + "." + System.nanoTime();
    Path scratch = out.resolve("." + folder + ".partial" + unique);
    try {
      Files.createDirectories(out);
      Files.createDirectories(Lifecycle.scratch(scratch));
      contents.write(scratch);
      if (Lifecycle.shuttingDown()) {
        throw new IOException("qrtl is stopping");
      }
      Path old = out.resolve("." + folder + ".old" + unique);
      if (Files.exists(target)) {
        Files.move(target, Lifecycle.scratch(old), StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
      Lifecycle.keep(scratch);
      Trees.delete(old);
      Lifecycle.keep(old);
      return target;
    } catch (IOException | RuntimeException e) {
      Trees.delete(scratch);
      Lifecycle.keep(scratch);
      if (e instanceof RuntimeException re && !(e instanceof java.io.UncheckedIOException)) {
        throw re;
      }
      throw new ToolException("cannot write " + what + " into " + target + ": " + e.getMessage());
    }
  }

  /** Results another command writes into the same folder ({@code qrtl pareto}'s), which a new comparison keeps. */
  static final String OTHERS_PREFIX = "pareto.";

  private static void keepOthers(Path target, Path scratch) throws IOException {
    if (!Files.isDirectory(target)) {
      return;
    }
    try (var files = Files.list(target)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith(OTHERS_PREFIX) && Files.isRegularFile(p)).sorted().toList()) {
        Files.copy(f, scratch.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  /** Writes a Pareto study into {@code <out>/<library>/pareto.*}, each file atomically; the caller holds the folder's lock. */
  public static Path writePareto(ParetoResult r, Path out) {
    Path dir = out.resolve(r.library());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ToolException("cannot create " + dir + ": " + e.getMessage());
    }
    AtomicFiles.writeString(dir.resolve("pareto.md"), ParetoWriter.markdown(r));
    AtomicFiles.writeString(dir.resolve("pareto.csv"), ParetoWriter.csv(r));
    AtomicFiles.writeString(dir.resolve("pareto.json"), ResultWriter.json(r));
    Plots.pareto(r, dir);
    return dir;
  }

  /** The fast model fitted on the rows, if the sweep varies the widths enough for any scheme. */
  static java.util.Optional<FastModel> fastModel(CompareResult r) {
    List<FastModelFit.Point> points = new ArrayList<>();
    for (CompareRow x : r.rows()) {
      if (x.block() != null) {
        continue; // the fast model is of the per-element requantizers
      }
      Schemes.Form f = Schemes.form(x.scheme());
      points.add(new FastModelFit.Point(f.form().family(), f.scheme().costTerms(f.form()), x.accBits(), x.outBits(), f.form().variables(),
          x.areaUm2(), x.energyPj()));
    }
    // a scheme the sweep does not determine (one accumulator width cannot separate the A terms) is left out
    FastModel m = FastModelFit.fit(points, r.library(), "qrtl compare, " + r.yosys() + ", stimulus " + r.stimulus() + ", seed "
        + r.seed() + ", " + r.operations() + " operations per unit");
    return m.schemes().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(m);
  }
}
