/**
 * The datapath that feeds the requantizers: processing elements, output-stationary systolic and
 * broadcast (adder-tree) MAC arrays, the unified module (array plus one fused requantizer per
 * output) and the conventional pipeline it is compared with (separate requantizations for the
 * convolution and the batch-norm stage, then a separate activation).
 */
package dev.qrtl.gen.mac;
