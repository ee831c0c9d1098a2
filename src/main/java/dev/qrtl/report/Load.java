package dev.qrtl.report;

import dev.qrtl.util.QrtlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Reading a results folder's files into their records ({@link dev.qrtl.results.ResultFiles}), every problem one report error line. */
final class Load {
  private Load() {}

  /** {@code file} read by {@code reader} (one of {@code ResultFiles}' methods). */
  static <T> T of(Path file, Function<Path, T> reader) {
    try {
      return reader.apply(file);
    } catch (QrtlException e) {
      throw new ReportException(e.getMessage());
    }
  }

  /** The baseline folder's {@code file}, which it must have. */
  static <T> T baseline(Path baseline, String file, Function<Path, T> reader) {
    Path f = baseline.resolve(file);
    if (!Files.isRegularFile(f)) {
      throw new ReportException("the baseline " + baseline + " has no " + file);
    }
    return of(f, reader);
  }
}
