package dev.qrtl.network;

import dev.qrtl.results.NetworkBill;
import dev.qrtl.compare.ResultFolder;
import dev.qrtl.util.AtomicFiles;
import java.nio.file.Path;

/** Writes a bill into {@code <out>/network-<name>-<library>/} as a whole (nothing half-written is ever left). */
public final class BillFolder {
  private BillFolder() {}

  /** The folder name: the network's and the library's (as the comparison folders spell it), reduced to safe file-name characters. */
  public static String name(NetworkBill b) {
    return "network-" + safe(b.network()) + "-" + safe(b.library());
  }

  static String safe(String s) {
    String t = s.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    return t.isEmpty() ? "model" : t.length() > 60 ? t.substring(0, 60) : t;
  }

  public static Path write(NetworkBill b, Path out) {
    return ResultFolder.replace(out, name(b), "the network bill", scratch -> {
      AtomicFiles.writeString(scratch.resolve("network.md"), BillWriter.markdown(b));
      AtomicFiles.writeString(scratch.resolve("network.csv"), BillWriter.csv(b));
      AtomicFiles.writeString(scratch.resolve("network.json"), BillWriter.json(b));
      BillPlots.write(b, scratch);
    });
  }
}
