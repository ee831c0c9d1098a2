package dev.qrtl.gen;

import dev.qrtl.util.Hashing;

/**
 * Keeps generated module names within tools' limits: Verilator hashes identifiers much longer
 * than 100 characters, which breaks the module-equals-file-name rule. A long name keeps a readable
 * prefix and gains a short hash of the whole name, so it stays unique and deterministic.
 */
public final class ModuleNames {
  public static final int MAX_LENGTH = 80;

  private ModuleNames() {}

  public static String bounded(String name) {
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    return name.substring(0, MAX_LENGTH - 9) + "_" + Hashing.sha256(name).substring(0, 8);
  }
}
