package dev.qrtl.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of texts and bytes: framed (each part prefixed by its length, so parts cannot run
 * together) for cache keys, plain for the hash of a whole file in reports.
 */
public final class Hashing {
  private Hashing() {}

  public static String sha256(byte[]... parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        d.update(Integer.toString(p.length).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(p);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The plain SHA-256 of a file's bytes, as {@code sha256sum} prints it (for provenance a user can check). */
  public static String sha256File(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public static String sha256(String... parts) {
    byte[][] bytes = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = parts[i].getBytes(StandardCharsets.UTF_8);
    }
    return sha256(bytes);
  }
}
