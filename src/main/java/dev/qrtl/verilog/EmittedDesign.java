package dev.qrtl.verilog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Verilog text of a design: one entry per distinct module, children before parents. */
public record EmittedDesign(String top, Map<String, String> modules) {
  public EmittedDesign {
    modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
  }

  /** File names ({@code <module>.v}) in dependency order, the top last. */
  public List<String> fileNames() {
    List<String> names = new ArrayList<>();
    modules.keySet().forEach(m -> names.add(m + ".v"));
    return names;
  }

  /** The text of the top module's file. */
  public String topText() {
    return modules.get(top);
  }
}
