package dev.qrtl.testing;

import dev.qrtl.core.InstanceBuilder;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import java.util.List;

/**
 * A wrapper that places many designs side by side, each port exposed as {@code c<i>_<port>}, so
 * one Verilator build or one lint run covers them all.
 */
public final class SideBySide {
  private SideBySide() {}

  public static Module wrap(String name, List<Module> designs) {
    ModuleBuilder m = new ModuleBuilder(name).description("designs side by side");
    for (int i = 0; i < designs.size(); i++) {
      Module c = designs.get(i);
      InstanceBuilder inst = m.instance("u" + i, c);
      for (Signal in : c.inputs()) {
        if (c.clock().orElse(null) == in || c.reset().orElse(null) == in) {
          continue;
        }
        inst.in(in.name(), m.input("c" + i + "_" + in.name(), in.type()));
      }
      for (Signal out : c.outputs()) {
        m.assign(m.output("c" + i + "_" + out.name(), out.type()), inst.out(out.name()));
      }
    }
    return m.build();
  }
}
