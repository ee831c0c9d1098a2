/**
 * The unit of extension: one {@link dev.qrtl.scheme.Scheme} per requantization scheme, and the
 * registry {@link dev.qrtl.scheme.Schemes} that lists them. A scheme brings its name, the
 * command-line options it reads (as data; {@code cli} turns them into options), how a spec is
 * made from them, its generator, its golden model bound to a spec with the meaning and the
 * corner, random and fitted values of its run-time inputs, the widths it supports, how it is
 * named in comparisons and the cost terms of the fast model. Nothing outside this package
 * switches on a scheme's name. Above {@code spec}, {@code gen} and {@code golden}; below
 * {@code cosim}, {@code energy}, {@code compare} and {@code cli}.
 */
package dev.qrtl.scheme;
