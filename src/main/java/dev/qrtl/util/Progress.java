package dev.qrtl.util;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress over a fixed number of points, in the form the output can take: a redrawn bar on a
 * terminal, or, in a log file (stderr not a terminal, under CI or a batch scheduler), a bounded
 * number of plain lines - about one per 4 % of the work, each naming the point just finished, the
 * time so far and an estimate of what is left - instead of a carriage-return redraw every half
 * second. {@link Mode#AUTO} picks the bar only when the process has a console and {@code CI} is
 * not set. Thread-safe: workers call {@link #step} as they finish.
 */
public final class Progress implements AutoCloseable {
  /** How progress is shown: {@code --progress auto|bar|lines|none}. */
  public enum Mode {
    AUTO, BAR, LINES, NONE;

    public static Mode parse(String s) {
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(s)) {
          return m;
        }
      }
      throw new IllegalArgumentException("--progress " + s + " is not one of auto, bar, lines, none");
    }
  }

  /** The most lines a run writes in {@link Mode#LINES}, whatever its size (the last one included). */
  public static final int MAX_LINES = 25;

  private static volatile Mode chosen = Mode.AUTO;

  private final String task;
  private final long total;
  private final Mode mode;
  private final PrintStream out;
  private final long start = System.nanoTime();
  private final me.tongfei.progressbar.ProgressBar bar;
  private long done;
  private int linesWritten;

  /** Sets how every later progress display shows itself (the command line's {@code --progress}). */
  public static void choose(Mode m) {
    chosen = m;
  }

  public static Mode chosen() {
    return chosen;
  }

  private Progress(String task, long total, Mode mode, PrintStream out) {
    this.task = task;
    this.total = Math.max(1, total);
    this.mode = mode;
    this.out = out;
    this.bar = mode == Mode.BAR ? new me.tongfei.progressbar.ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out)).build() : null;
  }

  /** Progress over {@code total} points on stderr, or none when {@code enabled} is false (the caller's --no-progress). */
  public static Progress start(String task, long total, boolean enabled) {
    return start(task, total, enabled ? chosen : Mode.NONE, System.err);
  }

  public static Progress start(String task, long total, Mode mode, PrintStream out) {
    Mode m = mode;
    if (m == Mode.AUTO) {
      String ci = System.getenv("CI");
      boolean ciSet = ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
      m = System.console() != null && !ciSet ? Mode.BAR : Mode.LINES;
    }
    return new Progress(task, total, m, out);
  }

  /** One point finished ({@code what} names it). */
  public synchronized void step(String what) {
    done++;
    if (bar != null) {
      bar.step();
      return;
    }
    if (mode != Mode.LINES) {
      return;
    }
    // a line each time the finished fraction crosses the next of MAX_LINES equal marks
    long mark = (long) Math.ceil((double) total * (linesWritten + 1) / MAX_LINES);
    if (done < Math.min(mark, total) && done < total) {
      return;
    }
    linesWritten++;
    double s = (System.nanoTime() - start) / 1e9;
    double left = done >= total ? 0 : s / done * (total - done);
    out.printf(Locale.ROOT, "%s: %d/%d done (last: %s), %.1f s so far, about %.0f s left%n", task, done, total, what, s, left);
    out.flush();
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
