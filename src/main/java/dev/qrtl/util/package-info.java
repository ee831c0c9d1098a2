/** Small helpers shared by every stage: atomic file writes and stable hashing. */
package dev.qrtl.util;
