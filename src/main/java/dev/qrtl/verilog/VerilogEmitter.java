package dev.qrtl.verilog;

import dev.qrtl.core.HdlException;
import dev.qrtl.core.Instance;
import dev.qrtl.core.Module;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Emits a module and all modules below it. Each distinct module is emitted once, children before
 * parents; two different modules with one name are an error, since generators name modules from
 * their parameters.
 */
public final class VerilogEmitter {
  private VerilogEmitter() {}

  /** The Verilog of {@code top} and everything it instantiates. */
  public static EmittedDesign emit(Module top) {
    return emit(top, EmitOptions.DEFAULT);
  }

  /** The Verilog of {@code top} and everything it instantiates, written as {@code options} say. */
  public static EmittedDesign emit(Module top, EmitOptions options) {
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Module> byName = new LinkedHashMap<>();
    Map<Module, Boolean> done = new IdentityHashMap<>();
    Map<Module, java.util.Set<String>> declared = new IdentityHashMap<>();
    // Iterative post-order over the instance tree.
    Deque<Module> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    stack.push(top);
    expanded.push(false);
    while (!stack.isEmpty()) {
      Module m = stack.pop();
      boolean ex = expanded.pop();
      if (done.containsKey(m)) {
        continue;
      }
      if (!ex) {
        stack.push(m);
        expanded.push(true);
        java.util.List<Instance> insts = m.instances();
        for (int i = insts.size() - 1; i >= 0; i--) {
          Module c = insts.get(i).module();
          if (!done.containsKey(c)) {
            stack.push(c);
            expanded.push(false);
          }
        }
        continue;
      }
      done.put(m, true);
      ModuleEmitter emitter = new ModuleEmitter(m, declared, options);
      String text = emitter.emit();
      declared.put(m, emitter.declaredNames());
      Module seen = byName.get(m.name());
      if (seen != null) {
        if (!texts.get(m.name()).equals(text)) {
          throw new HdlException(
              "two different modules are both named '" + m.name()
                  + "'; name modules from all the parameters that change their logic");
        }
        continue;
      }
      byName.put(m.name(), m);
      texts.put(m.name(), text);
    }
    return new EmittedDesign(top.name(), texts);
  }
}
