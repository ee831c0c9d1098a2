package dev.qrtl.verilog;

import dev.qrtl.manifest.VerilogNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out legal, collision-free Verilog identifiers. A requested name is sanitised (illegal
 * characters become {@code _}, a leading digit gets a prefix, keywords of Verilog-2005 and
 * SystemVerilog get a trailing {@code _}); a name already taken gets the first free suffix
 * {@code _1}, {@code _2}, ... Names depend only on the order of requests, so emission is
 * deterministic.
 */
final class NameAllocator {
  private static final Set<String> KEYWORDS = VerilogNames.KEYWORDS;

  private final Set<String> taken = new HashSet<>();
  private final Map<String, Integer> nextSuffix = new HashMap<>();

  /** A legal identifier close to {@code wanted}, never returned before by this allocator. */
  String allocate(String wanted) {
    String base = sanitize(wanted);
    if (taken.add(base)) {
      return base;
    }
    int n = nextSuffix.getOrDefault(base, 1);
    String candidate;
    do {
      candidate = base + "_" + n++;
    } while (!taken.add(candidate));
    nextSuffix.put(base, n);
    return candidate;
  }

  static String sanitize(String wanted) {
    StringBuilder sb = new StringBuilder();
    for (char c : wanted.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      sb.append(ok ? c : '_');
    }
    if (sb.length() == 0) {
      sb.append("n");
    }
    if (Character.isDigit(sb.charAt(0))) {
      sb.insert(0, "n_");
    }
    String s = sb.toString();
    if (KEYWORDS.contains(s)) { // Verilog is case-sensitive: only exact keywords clash
      s = s + "_";
    }
    return s;
  }
}
