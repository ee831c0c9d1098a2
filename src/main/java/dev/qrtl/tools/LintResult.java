package dev.qrtl.tools;

/** One lint tool's verdict on a design: clean means exit 0 and not a single warning. */
public record LintResult(String tool, boolean clean, String messages) {}
