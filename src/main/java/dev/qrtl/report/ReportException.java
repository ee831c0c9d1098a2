package dev.qrtl.report;

import dev.qrtl.util.QrtlException;

/** A folder the report cannot show, in one line naming the file and the problem. */
public final class ReportException extends QrtlException {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }
}
