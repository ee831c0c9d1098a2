package dev.qrtl.energy;

import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.synth.SynthResult;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Records a caller makes for a unit instead of its kind's workload: a hand-built stage driven by
 * held parameters, a processing element on one layer's dot products.
 *
 * @param source a fresh record stream for each run
 * @param cacheKey the energy cache key for a synthesized unit (everything the figures depend on),
 *     or null to measure every time
 */
public record CustomWorkload(String operation, PortLayout layout, boolean clocked, Supplier<RecordSource> source, long records,
    long operations, Function<SynthResult, String> cacheKey) {}
