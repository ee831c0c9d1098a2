package dev.qrtl.results;

/** One scheme's pipeline in the unified-against-conventional study: one or two requantizations per output, and its error. */
public record PipelineRow(String form, String pipeline, int requantizations, ErrorMetrics metrics) {}
