package dev.qrtl.cli;

import dev.qrtl.util.CacheDirs;
import dev.qrtl.util.CacheStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qrtl cache info}, {@code qrtl cache clean [--older-than D]}: the build and result caches. */
@Command(name = "cache", description = "The caches (Yosys runs, Verilator builds, energy estimates, unpacked libraries).",
    subcommands = {CacheCommand.Info.class, CacheCommand.Clean.class})
public final class CacheCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: " + spec.subcommands().keySet());
  }

  /** What is cached, per kind; how many entries fail their check. */
  @Command(name = "info", description = "What the cache holds, per kind, with every entry verified.")
  public static final class Info implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      out.println("cache: " + CacheDirs.root());
      out.printf("%-10s %8s %12s %8s %8s%n", "kind", "entries", "MiB", "damaged", "scratch");
      for (CacheStore.KindInfo k : CacheStore.inventory()) {
        out.printf("%-10s %8d %12.1f %8d %8d%n", k.kind(), k.entries(), k.bytes() / 1048576.0, k.damaged(), k.scratch());
      }
      out.flush();
      return 0;
    }
  }

  /** Removes entries (all, or those unused for a while) and scratch left by stopped runs. */
  @Command(name = "clean", description = "Remove cache entries (all, or those unused for --older-than) and left-over scratch.")
  public static final class Clean implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--older-than", paramLabel = "D", description = "Only entries unused for this long: 30m, 12h, 7d.")
    String olderThan;

    @Override
    public Integer call() throws IOException {
      Duration d = olderThan == null ? null : parse(olderThan);
      long n = CacheStore.clean(d);
      spec.commandLine().getOut().println("removed " + n + " cache item(s) from " + CacheDirs.root());
      return 0;
    }

    static Duration parse(String text) {
      if (!text.matches("\\d{1,6}[mhd]")) {
        throw new UserError("--older-than '" + text + "' is not a duration like 30m, 12h or 7d");
      }
      long n = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
  }
}
