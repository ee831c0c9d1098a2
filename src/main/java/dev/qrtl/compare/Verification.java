package dev.qrtl.compare;

import dev.qrtl.cosim.Cosim;
import dev.qrtl.results.RowVerification;
import dev.qrtl.cosim.CosimOptions;
import dev.qrtl.cosim.CosimReport;
import dev.qrtl.core.Module;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.EquivalenceProof;
import dev.qrtl.tools.ToolException;
import dev.qrtl.verilog.VerilogEmitter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What was checked of the unit a row prices, beside its figures, so that a reader sees that the
 * numbers are a working unit's: its RTL co-simulated in Icarus Verilog against the golden model (no
 * C++ build per unit, which in Verilator costs more than the whole check for a sweep that prices
 * each unit once; X values are caught too), the
 * mapped netlist's outputs checked against the golden model during the energy run, and the lean
 * datapath proved equal to the straightforward full-width form where the scheme has two forms.
 * Any disagreement fails the comparison: a row exists only for a unit that passed.
 *
 */
final class Verification {
  private Verification() {}

  /** The simulator every row's RTL is co-simulated in (4-state: X values are caught; compiles in milliseconds). */
  static final dev.qrtl.sim.Simulator SIMULATOR = dev.qrtl.sim.Simulator.ICARUS;

  /** Co-simulates the unit and proves it where it can; throws on any disagreement. */
  static RowVerification check(Schemes.Form f, QuantizerSpec spec, Path manifest, long vectors, long seed, long gateLevelChecks,
      Duration timeout) {
    CosimReport r = Cosim.run(manifest, new CosimOptions(vectors, seed, Stimulus.parse("auto"), SIMULATOR, null, 3, timeout));
    if (!r.passed()) {
      throw new ToolException("the RTL of " + r.design() + " disagrees with its golden model (" + r.mismatches() + " of "
          + r.checked() + " values)\n" + r.toText());
    }
    return new RowVerification(r.checked(), gateLevelChecks, proof(f, spec, timeout));
  }

  /** Blocks an MX block quantizer's RTL is co-simulated on in Icarus (the corner blocks and random ones): at K = 64 about 20 s. */
  static final long BLOCK_VECTORS = 400;

  /** The same checks of an MX block quantizer: Icarus co-simulation on {@link #BLOCK_VECTORS} blocks, and the proof of its lean form. */
  static RowVerification checkBlock(dev.qrtl.spec.BlockQuantizerSpec spec, Path manifest, long seed, long gateLevelChecks, Duration timeout) {
    CosimReport r = Cosim.run(manifest, new CosimOptions(BLOCK_VECTORS, seed, Stimulus.parse("auto"), SIMULATOR, null, 3, timeout));
    if (!r.passed()) {
      throw new ToolException("the RTL of " + r.design() + " disagrees with its golden model (" + r.mismatches() + " of "
          + r.checked() + " blocks)\n" + r.toText());
    }
    if (spec.pipeline() != 0) {
      return new RowVerification(r.checked(), gateLevelChecks, RowVerification.REGISTERED);
    }
    // a proof above K = 32 takes 4 to 14 minutes per unit (docs/microscaling.md): the same design at K = 32 is proved instead
    dev.qrtl.spec.BlockQuantizerSpec proved = spec.block() <= PROOF_BLOCK ? spec : new dev.qrtl.spec.BlockQuantizerSpec(spec.format(),
        PROOF_BLOCK, spec.input(), spec.scaleRule(), spec.rounding(), spec.int8MinusTwo(), spec.overflow(), spec.zeroBlock(), 0);
    String outcome = PROOFS.computeIfAbsent(proved.moduleName(), n -> {
      Module lean = dev.qrtl.gen.mx.BlockQuantizerGenerator.generate(proved, dev.qrtl.gen.quant.Structure.LEAN);
      Module plain = dev.qrtl.gen.mx.BlockQuantizerGenerator.generate(proved, dev.qrtl.gen.quant.Structure.PLAIN);
      EquivalenceProof.Result p = EquivalenceProof.prove(VerilogEmitter.emit(plain), VerilogEmitter.emit(lean), timeout);
      if (!p.proved()) {
        throw new ToolException(lean.name() + " differs from its plain form " + plain.name() + "; a failing input:\n" + p.counterexample());
      }
      return RowVerification.PROVED_BLOCK;
    });
    return new RowVerification(r.checked(), gateLevelChecks, proved == spec ? outcome : outcome.replace("(Yosys SAT)",
        "at K = " + PROOF_BLOCK + " (Yosys SAT)"));
  }

  /** The largest K a comparison proves a block quantizer at. */
  static final int PROOF_BLOCK = 32;

  /** Proofs done in this process, by module name (a sweep over two rules and several K asks for the same K = 32 proof again). */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> PROOFS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String proof(Schemes.Form f, QuantizerSpec spec, Duration timeout) {
    if (spec.pipeline() != 0) {
      return RowVerification.REGISTERED;
    }
    Optional<Module> plain = f.scheme().generatePlainAny(spec);
    if (plain.isEmpty()) {
      return RowVerification.ONE_FORM;
    }
    Module lean = f.scheme().generateAny(spec);
    EquivalenceProof.Result p = EquivalenceProof.prove(VerilogEmitter.emit(plain.get()), VerilogEmitter.emit(lean), timeout);
    if (!p.proved()) {
      throw new ToolException(lean.name() + " differs from its full-width form " + plain.get().name() + "; a failing input:\n"
          + p.counterexample());
    }
    return RowVerification.PROVED;
  }
}
