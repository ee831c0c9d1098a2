package dev.qrtl.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks on a few daemon threads and waits for all of them: the first failure
 * cancels the rest and is rethrown as it was thrown (a {@link RuntimeException} or
 * {@link Error} unchanged), and an interrupt of the caller stops the tasks.
 */
public final class Parallel {
  private Parallel() {}

  public static void runAll(List<? extends Callable<?>> tasks, int threads, String what) {
    if (tasks.size() == 1 || threads <= 1) {
      for (Callable<?> t : tasks) {
        call(t);
      }
      return;
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
      Thread t = new Thread(r, "qrtl-" + what.replaceAll("[^A-Za-z0-9_.-]+", "-") + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Callable<?> t : tasks) {
        futures.add(pool.submit(t));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          futures.forEach(x -> x.cancel(true));
          Throwable c = e.getCause();
          if (c instanceof RuntimeException r) {
            throw r;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(what + ": " + c, c);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void call(Callable<?> t) {
    try {
      t.call();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
