package dev.qrtl.tools;

/**
 * What {@code qrtl doctor} found for one tool.
 *
 * @param tool the tool's name
 * @param neededFor what qrtl uses it for
 * @param path where it was found, or empty
 * @param version its version, or empty
 * @param usable whether qrtl can use it for {@code neededFor}
 * @param note limits of this version, or why it is unusable
 * @param install the command that installs or fixes it (empty when nothing is needed)
 */
public record ToolStatus(
    String tool, String neededFor, String path, String version, boolean usable, String note, String install) {}
