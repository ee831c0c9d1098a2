package dev.qrtl.results;

/**
 * A requantizer's error against the exact one, in output LSB. {@code y} is the ideal real output
 * {@code acc * S + zp} clamped to the output range (the best any requantizer can do), {@code q*}
 * its correctly rounded integer.
 *
 * @param samples outputs measured
 * @param bias mean of {@code q - y}
 * @param biasCi its 95 % interval
 * @param rms root mean square of {@code q - y}
 * @param rmsCi its 95 % interval (the interval of the mean square, square-rooted)
 * @param maxFromExact the largest {@code |q - q*|} observed (no interval: a maximum over the samples)
 * @param differentFraction fraction of outputs with {@code q != q*}
 * @param differentCi its 95 % (Wilson) interval
 * @param sqnrDb 10 log10 of the power of {@code y - zp} over that of {@code q - y}; null when {@code q = y} everywhere
 * @param saturationFraction fraction of outputs whose ideal value lies outside the range
 * @param saturationCi its 95 % (Wilson) interval
 */
public record ErrorMetrics(long samples, double bias, Interval biasCi, double rms, Interval rmsCi, long maxFromExact,
    double differentFraction, Interval differentCi, @Nullable Double sqnrDb, double saturationFraction, Interval saturationCi) {}
