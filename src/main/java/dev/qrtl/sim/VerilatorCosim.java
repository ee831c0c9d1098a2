package dev.qrtl.sim;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.tools.ToolException;
import dev.qrtl.util.Lifecycle;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams records through the {@link BinaryHarness} of a design built with Verilator. A writer
 * thread fills and sends batch b+1 while the harness checks batch b and this thread reads its
 * verdict, so Java's golden model and Verilator run on two cores at once.
 */
public final class VerilatorCosim {
  private static final int MAGIC = 0x4C545251;
  private static final int MISM = 0x4D53494D;
  private static final int DONE = 0x454E4F44;
  private static final int BUFFERS = 3;

  private final Manifest manifest;
  private final PortLayout layout;
  private final VerilatorBuild.Built built;

  private VerilatorCosim(Manifest manifest, VerilatorBuild.Built built) {
    this.manifest = manifest;
    this.layout = PortLayout.of(manifest);
    this.built = built;
  }

  /** Builds (or reuses from the cache) the harness for the manifest's Verilog in {@code dir}. */
  public static VerilatorCosim build(Manifest manifest, Path dir, boolean trace) {
    List<Path> files = manifest.resolveFiles(dir);
    List<String> flags = new ArrayList<>(List.of("-O3", "--x-assign", "fast", "--x-initial", "fast", "--noassert"));
    if (trace) {
      flags.add("--trace");
    }
    String harness = BinaryHarness.cpp(manifest, trace);
    VerilatorBuild.Built b = VerilatorBuild.build(manifest.top(), files, harness, flags, List.of("--selftest", "16"));
    return new VerilatorCosim(manifest, b);
  }

  public boolean wasCached() {
    return built.cached();
  }

  public String verilatorVersion() {
    return built.verilatorVersion();
  }

  public Path binary() {
    return built.binary();
  }

  public PortLayout layout() {
    return layout;
  }

  /**
   * Runs {@code total} records from {@code source} in batches of {@code batch}; keeps the first
   * {@code keep} mismatches. {@code extraArgs} go to the harness (for example {@code --vcd}).
   */
  public CosimResult run(RecordSource source, long total, int batch, int keep, Duration timeout, List<String> extraArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(built.binary().toString());
    cmd.addAll(extraArgs);
    Path err;
    Process p;
    try {
      err = Lifecycle.scratchFile("qrtl-harness", ".err");
      p = Lifecycle.track(new ProcessBuilder(cmd).redirectError(err.toFile()).start());
    } catch (IOException e) {
      throw new ToolException("cannot start the co-simulation harness of '" + manifest.top() + "': " + e.getMessage());
    }
    int rec = layout.recordWords();
    BlockingQueue<long[]> free = new ArrayBlockingQueue<>(BUFFERS);
    BlockingQueue<long[]> inFlight = new ArrayBlockingQueue<>(BUFFERS);
    BlockingQueue<Integer> sizes = new ArrayBlockingQueue<>(BUFFERS);
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new long[batch * rec]);
    }
    AtomicReference<Throwable> writerError = new AtomicReference<>();
    long start = System.nanoTime();
    Thread writer = new Thread(() -> write(p.getOutputStream(), source, total, batch, layout, free, inFlight, sizes, writerError),
        "qrtl-cosim-writer");
    writer.setDaemon(true);
    writer.start();
    Thread watchdog = watchdog(p, timeout);
    long checked = 0;
    long mismatches = 0;
    long done = 0;
    List<Mismatch> first = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(p.getInputStream(), 1 << 16))) {
      while (done < total) {
        long[] buf = take(inFlight, writerError);
        int n = sizes.take();
        for (int k = 0; k < n; k++) {
          if (buf[k * rec] != 0) {
            checked++;
          }
        }
        for (;;) {
          int tag = Integer.reverseBytes(in.readInt());
          if (tag == DONE) {
            mismatches += Long.reverseBytes(in.readLong());
            break;
          }
          if (tag != MISM) {
            throw new ToolException("co-simulation harness of '" + manifest.top() + "' sent a bad reply tag " + Integer.toHexString(tag));
          }
          long idx = Long.reverseBytes(in.readLong());
          long[] actual = new long[layout.outputWords()];
          for (int w = 0; w < actual.length; w++) {
            actual[w] = Long.reverseBytes(in.readLong());
          }
          if (first.size() < keep) {
            long[] record = new long[rec];
            System.arraycopy(buf, (int) idx * rec, record, 0, rec);
            first.add(new Mismatch(done + idx, record, actual));
          }
        }
        done += n;
        free.put(buf);
      }
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      if (writerError.get() instanceof RuntimeException re) {
        throw re; // the vector source failed, and so the harness saw a short batch
      }
      throw crashed(p, err, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException("co-simulation interrupted");
    } finally {
      watchdog.interrupt();
      p.destroyForcibly();
      Lifecycle.untrack(p);
      try {
        Files.deleteIfExists(err);
      } catch (IOException ignored) {
        // temporary file; the exit hook tries again
      }
      Lifecycle.keep(err);
    }
    if (writerError.get() != null) {
      throw new ToolException("generating co-simulation vectors failed: " + writerError.get());
    }
    return new CosimResult(done, checked, mismatches, first, (System.nanoTime() - start) / 1e9);
  }

  private static long[] take(BlockingQueue<long[]> q, AtomicReference<Throwable> writerError) throws InterruptedException {
    for (;;) {
      long[] b = q.poll(200, TimeUnit.MILLISECONDS);
      if (b != null) {
        return b;
      }
      if (writerError.get() != null) {
        Throwable t = writerError.get();
        throw t instanceof RuntimeException re ? re : new ToolException("generating vectors failed: " + t);
      }
    }
  }

  private static void write(OutputStream os, RecordSource source, long total, int batch, PortLayout layout,
      BlockingQueue<long[]> free, BlockingQueue<long[]> inFlight, BlockingQueue<Integer> sizes, AtomicReference<Throwable> error) {
    ByteBuffer bytes = ByteBuffer.allocate(8 + batch * layout.recordBytes()).order(ByteOrder.LITTLE_ENDIAN);
    try (os) {
      long sent = 0;
      while (sent < total) {
        int n = (int) Math.min(batch, total - sent);
        long[] buf = free.take();
        source.fill(buf, n);
        bytes.clear();
        bytes.putInt(MAGIC).putInt(n);
        layout.pack(buf, n, bytes);
        sizes.put(n);
        inFlight.put(buf);
        os.write(bytes.array(), 0, bytes.position());
        os.flush();
        sent += n;
      }
      bytes.clear();
      bytes.putInt(MAGIC).putInt(0);
      os.write(bytes.array(), 0, 8);
      os.flush();
    } catch (IOException e) {
      // the harness died: the reader reports it with the harness's stderr
    } catch (RuntimeException | InterruptedException e) {
      error.set(e);
      try {
        os.close(); // unblock the harness and the reader
      } catch (IOException ignored) {
        // already broken
      }
    }
  }

  private Thread watchdog(Process p, Duration timeout) {
    Thread t = new Thread(() -> {
      try {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        // the run finished first
      }
    }, "qrtl-cosim-watchdog");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private ToolException crashed(Process p, Path err, Duration timeout) {
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String stderr = "";
    try {
      stderr = Files.readString(err).strip();
    } catch (IOException ignored) {
      // no stderr to show
    }
    if (!p.isAlive() && p.exitValue() == 137) {
      return new ToolException("co-simulation of '" + manifest.top() + "' timed out after " + timeout.toSeconds() + " s");
    }
    String code = p.isAlive() ? "still running" : "exit code " + p.exitValue();
    return new ToolException("co-simulation harness of '" + manifest.top() + "' crashed (" + code + ")"
        + (stderr.isEmpty() ? "" : ": " + stderr.lines().limit(10).reduce((a, b) -> a + "\n" + b).orElse("")));
  }

  /** Runs {@code --selftest n}: the raw Verilator evaluation rate, no I/O, no golden model. */
  public String selftest(long n) {
    return dev.qrtl.tools.ProcessRunner.runChecked(List.of(built.binary().toString(), "--selftest", Long.toString(n)),
        null, Duration.ofMinutes(5)).stdout().trim();
  }
}
