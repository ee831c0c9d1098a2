/**
 * Bit-exact golden models of every requantization scheme, written from the arithmetic
 * specification ({@code docs/reference/requantization.md}) and nothing else: no class here
 * reads the DSL, its IR or a generator, so a bug cannot hide in both a generator and its model.
 * Where the generators use cheap hardware forms (a round bit and a sticky bit), the models use
 * the reference's literal definitions (nudge and truncating division, |x| + half, and so on).
 */
package dev.qrtl.golden;
