package dev.qrtl.spec;

/**
 * One output channel's constant (multiplier, shift) pair of a per-channel table: a value with value
 * equality (two specs with the same table are equal), written in a manifest as {@code [M, s]}.
 */
public record ChannelPair(long multiplier, int shift) {}
