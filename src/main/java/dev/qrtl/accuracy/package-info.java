/**
 * What a scheme costs in accuracy: each scheme's golden model, with its parameters chosen from a
 * real scale by the scheme's own rule ({@link dev.qrtl.scheme.Scheme#atRealScale}), measured
 * against the exact requantizer ({@link dev.qrtl.golden.RealScaleModel}) on a stimulus: bias, RMS
 * error, the largest distance from the correctly rounded output, how often it differs, SQNR and
 * the saturation rate, each mean and fraction with a 95 % confidence interval; for one scale, a
 * list of per-channel scales, or a log-uniform sweep of the scale across one octave. No synthesis:
 * golden models only, so it is fast.
 */
package dev.qrtl.accuracy;
