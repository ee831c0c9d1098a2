package dev.qrtl.gen;

import dev.qrtl.util.Hashing;

/**
 * Keeps generated module names within tools' limits: Verilator hashes identifiers much longer
 * than 100 characters, which breaks the module-equals-file-name rule, and escapes double
 * underscores (so its generated C++ class names differ). Runs of underscores collapse to one; a
 * long name keeps a readable prefix and gains a short hash of the whole name, so it stays unique
 * and deterministic.
 */
public final class ModuleNames {
  public static final int MAX_LENGTH = 80;

  private ModuleNames() {}

  public static String bounded(String name) {
    String single = name.replaceAll("_{2,}", "_");
    if (single.length() <= MAX_LENGTH) {
      return single;
    }
    return single.substring(0, MAX_LENGTH - 9) + "_" + Hashing.sha256(name).substring(0, 8);
  }
}
