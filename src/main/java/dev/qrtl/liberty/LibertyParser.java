package dev.qrtl.liberty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Parses Liberty text into {@link LibertyGroup}s. Handles comments, quoted strings, backslash line
 * continuations, attributes with or without a closing semicolon, and gzip files. A syntax error
 * names the file and line.
 */
public final class LibertyParser {
  private final char[] s;
  private final String source;
  private int pos;
  private int line = 1;

  private LibertyParser(String text, String source) {
    this.s = text.toCharArray();
    this.source = source;
  }

  /** Reads a plain or gzip-compressed Liberty file. */
  public static LibertyGroup read(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new LibertyException("cannot read Liberty file " + file + ": " + e.getMessage());
    }
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 6);
        gz.transferTo(out);
        bytes = out.toByteArray();
      } catch (IOException e) {
        throw new LibertyException("cannot decompress Liberty file " + file + ": " + e.getMessage());
      }
    }
    return parse(new String(bytes, StandardCharsets.ISO_8859_1), file.toString());
  }

  public static LibertyGroup parse(String text, String source) {
    LibertyParser p = new LibertyParser(text, source);
    LibertyGroup root = new LibertyGroup("<file>", List.of());
    p.statements(root, true);
    List<LibertyGroup> libs = root.groups("library");
    if (libs.isEmpty()) {
      throw new LibertyException(source + " is not a Liberty library: no library (...) { } group");
    }
    return libs.get(0);
  }

  /** Groups nest a handful deep in real libraries; far deeper input is not a library (and could exhaust the stack). */
  private static final int MAX_DEPTH = 64;
  private int depth;

  private void statements(LibertyGroup into, boolean top) {
    if (++depth > MAX_DEPTH) {
      throw error("groups nested more than " + MAX_DEPTH + " deep");
    }
    try {
      statementsAtThisDepth(into, top);
    } finally {
      depth--;
    }
  }

  private void statementsAtThisDepth(LibertyGroup into, boolean top) {
    for (;;) {
      skipSpace();
      if (pos >= s.length) {
        if (!top) {
          throw error("unexpected end of file inside group '" + into.type() + "'");
        }
        return;
      }
      if (s[pos] == '}') {
        if (top) {
          throw error("unmatched '}'");
        }
        pos++;
        return;
      }
      if (s[pos] == ';') {
        pos++;
        continue;
      }
      String name = word();
      skipSpace();
      if (pos < s.length && s[pos] == ':') {
        pos++;
        skipSpace();
        String value = value();
        into.putSimple(name, value);
        skipSpace();
        if (pos < s.length && s[pos] == ';') {
          pos++;
        }
      } else if (pos < s.length && s[pos] == '(') {
        pos++;
        List<String> args = args();
        skipSpace();
        if (pos < s.length && s[pos] == '{') {
          pos++;
          LibertyGroup g = new LibertyGroup(name, args);
          statements(g, false);
          into.add(g);
        } else {
          into.putComplex(name, args);
          if (pos < s.length && s[pos] == ';') {
            pos++;
          }
        }
      } else {
        throw error("expected ':' or '(' after '" + LibraryReader.printable(name) + "'");
      }
    }
  }

  private List<String> args() {
    List<String> out = new ArrayList<>();
    for (;;) {
      skipSpace();
      if (pos >= s.length) {
        throw error("unexpected end of file in an argument list");
      }
      if (s[pos] == ')') {
        pos++;
        return out;
      }
      if (s[pos] == ',') {
        pos++;
        continue;
      }
      out.add(value());
    }
  }

  private String value() {
    if (pos < s.length && s[pos] == '"') {
      int start = ++pos;
      StringBuilder sb = null;
      while (pos < s.length && s[pos] != '"') {
        if (s[pos] == '\\' && pos + 1 < s.length && (s[pos + 1] == '\n' || s[pos + 1] == '\r')) {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(s, start, pos - start);
          pos++;
          while (pos < s.length && (s[pos] == '\n' || s[pos] == '\r')) {
            line += s[pos] == '\n' ? 1 : 0;
            pos++;
          }
          start = pos;
          continue;
        }
        if (s[pos] == '\n') {
          line++;
        }
        pos++;
      }
      if (pos >= s.length) {
        throw error("unterminated string");
      }
      String v = sb == null ? new String(s, start, pos - start) : sb.append(s, start, pos - start).toString();
      pos++;
      return v;
    }
    int start = pos;
    while (pos < s.length && !isDelimiter(s[pos])) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a value");
    }
    return new String(s, start, pos - start);
  }

  private String word() {
    int start = pos;
    while (pos < s.length && !isDelimiter(s[pos])) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected '" + (s[pos] < 0x20 || s[pos] == 0x7f ? String.format("\\u%04x", (int) s[pos]) : String.valueOf(s[pos])) + "'");
    }
    return new String(s, start, pos - start);
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == '{' || c == '}'
        || c == ':' || c == ';' || c == ',' || c == '"' || c == '\\';
  }

  private void skipSpace() {
    while (pos < s.length) {
      char c = s[pos];
      if (c == '\n') {
        line++;
        pos++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\\') {
        pos++;
      } else if (c == '/' && pos + 1 < s.length && s[pos + 1] == '*') {
        int end = indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("unterminated comment");
        }
        for (int i = pos; i < end; i++) {
          if (s[i] == '\n') {
            line++;
          }
        }
        pos = end + 2;
      } else if (c == '/' && pos + 1 < s.length && s[pos + 1] == '/') {
        while (pos < s.length && s[pos] != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private int indexOf(String what, int from) {
    outer:
    for (int i = from; i <= s.length - what.length(); i++) {
      for (int j = 0; j < what.length(); j++) {
        if (s[i + j] != what.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private LibertyException error(String what) {
    return new LibertyException("Liberty syntax error in " + source + " at line " + line + ": " + what);
  }
}
