package dev.qrtl.util;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of the running qrtl code (its jar, or every class file of a build folder), for cache
 * keys of results that the code computes (energy estimates): a changed estimator can never reuse
 * an old result, whether or not someone remembered to bump a version.
 */
public final class CodeDigest {
  private static String digest;

  private CodeDigest() {}

  public static synchronized String current() {
    if (digest == null) {
      digest = compute();
    }
    return digest;
  }

  private static String compute() {
    try {
      Path where = Path.of(CodeDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      if (Files.isRegularFile(where)) {
        d.update(Files.readAllBytes(where));
      } else {
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(where)) {
          classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path c : classes) {
          d.update(where.relativize(c).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          d.update(Files.readAllBytes(c));
        }
      }
      return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
      return "unknown-" + System.nanoTime(); // no digest: nothing is reused
    }
  }
}
