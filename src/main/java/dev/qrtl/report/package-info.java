/**
 * The HTML report: one self-contained {@code index.html} per results folder, built from the
 * folder's JSON (never from the Java objects that wrote it, so an older folder or another
 * version's can be shown and compared), rendered by one FreeMarker template that HTML-escapes every
 * value. A {@link dev.qrtl.report.ReportKind} says what one kind of folder shows; {@link
 * dev.qrtl.report.Reports} finds the kind, applies a baseline and writes the page and the index.
 */
package dev.qrtl.report;
