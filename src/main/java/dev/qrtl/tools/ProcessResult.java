package dev.qrtl.tools;

import java.time.Duration;
import java.util.List;

/** What a finished process printed and returned. */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {
  public boolean ok() {
    return exitCode == 0;
  }

  /** The last lines of stderr (or stdout when stderr is empty), for error messages. */
  public String tail(int lines) {
    String text = stderr.isBlank() ? stdout : stderr;
    String[] all = text.strip().split("\n");
    int from = Math.max(0, all.length - lines);
    return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
  }
}
