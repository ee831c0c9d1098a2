package dev.qrtl.onnx;

import dev.qrtl.util.QrtlException;

/** A model qrtl cannot import: the message names the file's node or tensor at fault. */
public class OnnxException extends QrtlException {
  private static final long serialVersionUID = 1L;

  public OnnxException(String message) {
    super(message);
  }
}
