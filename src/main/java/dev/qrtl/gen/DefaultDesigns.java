package dev.qrtl.gen;

import java.util.ArrayList;
import java.util.List;

/** The designs the main job generates into {@code rtl-out/}, in a fixed order. */
public final class DefaultDesigns {
  private DefaultDesigns() {}

  public static List<GeneratedDesign> all() {
    List<GeneratedDesign> all = new ArrayList<>();
    all.add(new GeneratedDesign(Examples.macCell(8, 8, 24), "example"));
    return all;
  }
}
