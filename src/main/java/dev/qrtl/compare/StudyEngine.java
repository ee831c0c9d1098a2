package dev.qrtl.compare;

import dev.qrtl.tools.ToolException;
import dev.qrtl.util.Progress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The loop every study runs (a comparison's sweep, a network bill's units, a Pareto study's
 * syntheses): its points priced in parallel, one per core, the costliest first so no core idles
 * at the end, each reported to the progress as it completes; the results in point order. A
 * failure of any point fails the study with the point's own error.
 */
public final class StudyEngine {
  private StudyEngine() {}

  /**
   * One point of a study.
   *
   * @param cost a relative size (scheduling order only; the shards' partition uses the frozen copy in the definition)
   */
  public record Point<R>(String label, double cost, Callable<R> job) {}

  public static <R> List<R> run(String title, List<Point<R>> points, boolean progress) {
    if (points.isEmpty()) {
      return List.of();
    }
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), points.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "qrtl-study");
      t.setDaemon(true);
      return t;
    });
    try (Progress bar = Progress.start(title, points.size(), progress)) {
      List<Future<R>> futures = new ArrayList<>(Collections.nCopies(points.size(), null));
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < points.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingDouble((Integer i) -> -points.get(i).cost()).thenComparing(i -> i));
      for (int i : order) {
        Point<R> p = points.get(i);
        futures.set(i, pool.submit(() -> {
          R r = p.job().call();
          bar.step(p.label());
          return r;
        }));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new ToolException(title + " failed: " + cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException(title + " interrupted");
    } finally {
      pool.shutdownNow();
    }
  }
}
