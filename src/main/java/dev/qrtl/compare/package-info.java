/**
 * The scheme comparison: every requantization scheme across bit widths, synthesized (cached,
 * in parallel), its energy estimated from gate-level activity, written as Markdown, CSV and JSON
 * tables with ratios to the baseline, plotted, and the network-level view of the unified module
 * against the conventional pipeline.
 */
package dev.qrtl.compare;
