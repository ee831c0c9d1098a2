/**
 * Where co-simulation and energy runs get their values: a sealed hierarchy of records, one per
 * distribution (automatic choice, exhaustive, corner cases, uniform, Gaussian, Laplacian, sums of
 * products, a NumPy file), each validated when built and each making its own seeded
 * {@link dev.qrtl.stimulus.ValueSampler}. {@link dev.qrtl.stimulus.Stimulus#parse} is the one
 * converter from the command-line text, and {@code text()} writes it back.
 */
package dev.qrtl.stimulus;
