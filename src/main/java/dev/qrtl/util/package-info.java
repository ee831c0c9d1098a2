/**
 * Small helpers shared by every stage, depending on nothing else in qrtl: atomic file writes,
 * stable hashing, the verified cache store, exclusive output folders, and the lifecycle of
 * child processes and scratch space (cleaned up on exit and on signals).
 */
package dev.qrtl.util;
