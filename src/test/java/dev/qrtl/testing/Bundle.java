package dev.qrtl.testing;

import dev.qrtl.core.Module;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import java.util.List;

/**
 * Several units of one latency side by side in one design ({@link SideBySide}), and one record
 * stream for all of them: each unit's own records placed at its ports {@code c<i>_<port>}. So one
 * Verilator build checks them all, each against its own golden model. Every unit's stream must
 * have the same length and latency, so that the check flags agree.
 */
public final class Bundle implements RecordSource {
  private final PortLayout layout;
  private final List<PortLayout> units;
  private final List<RecordSource> sources;
  private final int[][] inMap;
  private final int[][] outMap;
  private final long[][] unitBuf = new long[1][];

  /** @param manifest the wrapper's manifest; {@code unitManifests} and {@code sources} in wrapper order */
  public Bundle(Manifest manifest, List<Manifest> unitManifests, List<RecordSource> sources) {
    this.layout = PortLayout.of(manifest);
    this.units = unitManifests.stream().map(PortLayout::of).toList();
    this.sources = sources;
    this.inMap = new int[units.size()][];
    this.outMap = new int[units.size()][];
    for (int u = 0; u < units.size(); u++) {
      PortLayout l = units.get(u);
      inMap[u] = new int[l.inputs().size()];
      for (int i = 0; i < l.inputs().size(); i++) {
        inMap[u][i] = layout.inputOffset(index(layout.inputs(), "c" + u + "_" + l.inputs().get(i).name()));
      }
      outMap[u] = new int[l.outputs().size()];
      for (int o = 0; o < l.outputs().size(); o++) {
        outMap[u][o] = layout.outputOffset(index(layout.outputs(), "c" + u + "_" + l.outputs().get(o).name()));
      }
    }
  }

  private static int index(List<PortSpec> ports, String name) {
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the bundle has no port " + name);
  }

  /** The wrapper module of {@code units}. */
  public static Module wrap(String name, List<Module> units) {
    return SideBySide.wrap(name, units);
  }

  @Override
  public void fill(long[] buf, int n) {
    int rec = layout.recordWords();
    java.util.Arrays.fill(buf, 0, n * rec, 0L);
    for (int u = 0; u < units.size(); u++) {
      PortLayout l = units.get(u);
      int urec = l.recordWords();
      if (unitBuf[0] == null || unitBuf[0].length < n * urec) {
        unitBuf[0] = new long[n * urec];
      }
      long[] ub = unitBuf[0];
      sources.get(u).fill(ub, n);
      for (int r = 0; r < n; r++) {
        int base = r * rec;
        int ubase = r * urec;
        if (u == 0) {
          buf[base] = ub[ubase];
        } else if ((buf[base] != 0) != (ub[ubase] != 0)) {
          throw new IllegalStateException("bundled units disagree on which records are checked (different latencies?)");
        }
        for (int i = 0; i < inMap[u].length; i++) {
          System.arraycopy(ub, ubase + l.inputOffset(i), buf, base + inMap[u][i], PortLayout.words(l.inputs().get(i)));
        }
        for (int o = 0; o < outMap[u].length; o++) {
          System.arraycopy(ub, ubase + l.outputOffset(o), buf, base + outMap[u][o], PortLayout.words(l.outputs().get(o)));
        }
      }
    }
  }
}
