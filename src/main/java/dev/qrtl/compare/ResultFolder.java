package dev.qrtl.compare;

import dev.qrtl.energy.FastModel;
import dev.qrtl.energy.FastModelFit;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.tools.ToolException;
import dev.qrtl.util.AtomicFiles;
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
 * folder beside it first and moved into place at the end, so a failure leaves the previous
 * results, never half of new ones.
 */
public final class ResultFolder {
  private ResultFolder() {}

  public static Path write(CompareResult r, Path out) {
    Path target = out.resolve(r.folderName());
    Path scratch = out.resolve("." + r.folderName() + ".partial");
    try {
      Files.createDirectories(out);
      Trees.delete(scratch);
      Files.createDirectories(scratch);
      AtomicFiles.writeString(scratch.resolve("comparison.md"), ResultWriter.markdown(r));
      AtomicFiles.writeString(scratch.resolve("comparison.csv"), ResultWriter.csv(r));
      AtomicFiles.writeString(scratch.resolve("comparison.json"), ResultWriter.json(r));
      Plots.write(r, scratch);
      fastModel(r).ifPresent(m -> AtomicFiles.writeString(scratch.resolve("fast-model.json"), ResultWriter.json(m)));
      Path old = out.resolve("." + r.folderName() + ".old");
      Trees.delete(old);
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
      Trees.delete(old);
      return target;
    } catch (IOException e) {
      Trees.delete(scratch);
      throw new ToolException("cannot write the comparison into " + target + ": " + e.getMessage());
    }
  }

  /** The fast model fitted on the rows, if the sweep varies the widths enough for any scheme. */
  static java.util.Optional<FastModel> fastModel(CompareResult r) {
    List<FastModelFit.Point> points = new ArrayList<>();
    for (CompareRow x : r.rows()) {
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
