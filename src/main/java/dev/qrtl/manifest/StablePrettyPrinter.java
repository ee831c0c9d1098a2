package dev.qrtl.manifest;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/** Two-space indentation and {@code \n} line ends on every platform, for byte-stable JSON. */
public final class StablePrettyPrinter extends DefaultPrettyPrinter {
  private static final long serialVersionUID = 1L;

  public StablePrettyPrinter() {
    super(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""));
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    indentObjectsWith(indenter);
    indentArraysWith(indenter);
  }

  @Override
  public DefaultPrettyPrinter createInstance() {
    return new StablePrettyPrinter();
  }
}
