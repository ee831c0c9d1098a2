package dev.qrtl.spec;

/**
 * Any design qrtl generates, as its validated spec: a requantizer, a MAC array, a unified module,
 * a conventional pipeline, or a kind added later. The manifest carries it as typed JSON; which kind
 * of design a spec describes is its record's class, as the kind registry ({@code dev.qrtl.kind})
 * maps it.
 */
public interface DesignSpec {}
