package dev.qrtl.scheme;

import dev.qrtl.spec.OutputSpec;

/**
 * What every requantizer spec shares, from the common options: accumulator width, output
 * format, a bias input, pipeline stages.
 */
public record SpecBase(int accBits, OutputSpec out, boolean bias, int pipeline) {}
