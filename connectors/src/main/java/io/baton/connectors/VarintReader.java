package io.baton.connectors;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads unsigned varints (LEB128) and length-prefixed bytes and text from a lineage value, failing with the caller's
 * kind of error ("invalid lineage header: ...", "invalid lineage pointer: ...").
 *
 * <pre>{@code
 * VarintReader in = new VarintReader(value, 1, Provenance::invalid);
 * String version = in.text("version");
 * long offset = in.varint("offset");
 * }</pre>
 */
final class VarintReader {
  private final byte[] bytes;
  private final Function<String, IllegalArgumentException> invalid;
  private int pos;

  VarintReader(byte[] bytes, int pos, Function<String, IllegalArgumentException> invalid) {
    this.bytes = bytes;
    this.pos = pos;
    this.invalid = invalid;
  }

  /** Where the next read starts. */
  int pos() {
    return pos;
  }

  /** Whether every byte has been read. */
  boolean atEnd() {
    return pos >= bytes.length;
  }

  long varint(String what) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= bytes.length) {
        throw invalid.apply(what + " cut off at byte " + pos);
      }
      byte b = bytes[pos++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        if (value < 0) {
          throw invalid.apply(what + " out of range at byte " + pos);
        }
        return value;
      }
    }
    throw invalid.apply(what + " longer than 10 bytes at byte " + pos);
  }

  int intVarint(String what) {
    long value = varint(what);
    if (value > Integer.MAX_VALUE) {
      throw invalid.apply(what + " " + value + " out of range");
    }
    return (int) value;
  }

  byte[] bytes(int n, String what) {
    if (n > bytes.length - pos) {
      throw invalid.apply(what + " of " + n + " bytes runs past the end");
    }
    byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
    pos += n;
    return out;
  }

  String text(String what) {
    return new String(bytes(intVarint(what + " length"), what), StandardCharsets.UTF_8);
  }
}
