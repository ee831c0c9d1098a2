package dev.qrtl.results;

/**
 * One line of an accuracy table: a scheme's form measured in one view.
 *
 * @param form the scheme's comparison form ({@code shift-round}, {@code dyadic:m=8})
 * @param view what was measured: {@code at S}, {@code trained 2^-k}, {@code octave mean},
 *     {@code octave worst}, {@code per-channel}, {@code worst channel}
 * @param scale the real scale (the first of an octave or a channel list)
 * @param parameters the scheme's parameters at that scale, in words
 * @param metrics the error figures
 */
public record ErrorRow(String form, String view, double scale, String parameters, ErrorMetrics metrics) {}
