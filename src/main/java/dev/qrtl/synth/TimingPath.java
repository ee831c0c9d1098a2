package dev.qrtl.synth;

import java.util.List;

/**
 * The critical path of a module: start point (input port or register), end point (output port
 * or register input), the cell types along it, and its delay in ns (clock-to-Q and setup
 * included where the path starts or ends at a register), and how many table lookups on the way
 * left their tables' characterised range (extrapolated linearly).
 */
public record TimingPath(String module, String start, String end, List<String> cells, double delayNs, long extrapolatedLookups) {}
