package dev.qrtl.gen;

import dev.qrtl.core.Module;

/** A generated top module and its generator family (the manifest's {@code kind}). */
public record GeneratedDesign(Module module, String kind) {}
