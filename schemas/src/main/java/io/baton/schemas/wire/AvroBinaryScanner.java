package io.baton.schemas.wire;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Walks Avro binary data along its writer schema without building objects, checking that every
 * length and count fits in the bytes that remain. Runs before the real decode so that garbage bytes
 * cannot make Avro allocate gigabytes (a string length of 2^30 in a 20-byte record) and so that
 * truncated and over-long records are told apart precisely. Strings and map keys must be valid
 * UTF-8 (Avro's spec), or the record is malformed.
 */
final class AvroBinaryScanner {
  /** Items of a zero-byte type (null, empty record) allowed in one datum, all arrays and blocks together. */
  static final long MAX_EMPTY_ITEMS = 1 << 20;
  private static final int MAX_DEPTH = 512;

  private final byte[] buf;
  private final int end;
  private int pos;
  private long emptyItems;
  private Map<Schema, Integer> minSizes; // made on the first array or map: most records have none

  private AvroBinaryScanner(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  /** Checks that {@code buf[offset, offset+length)} holds exactly one datum of {@code writer}; null when it does. */
  static String check(Schema writer, byte[] buf, int offset, int length) {
    AvroBinaryScanner scanner = new AvroBinaryScanner(buf, offset, length);
    try {
      scanner.scan(writer, 0);
    } catch (Malformed m) {
      return m.getMessage();
    }
    if (scanner.pos != scanner.end) {
      return (scanner.end - scanner.pos) + " byte(s) left over after a complete " + writer.getFullName()
          + " (wrong schema id, or corrupt data)";
    }
    return null;
  }

  private void scan(Schema s, int depth) throws Malformed {
    if (depth > MAX_DEPTH) {
      throw new Malformed("nested deeper than " + MAX_DEPTH + " levels at byte " + pos);
    }
    switch (s.getType()) {
      case NULL -> { }
      case BOOLEAN -> take(1, "boolean");
      case INT -> varint(5, "int");
      case LONG -> varint(10, "long");
      case FLOAT -> take(4, "float");
      case DOUBLE -> take(8, "double");
      case STRING -> utf8(length("string"), "string");
      case BYTES -> take(length("bytes"), "bytes");
      case FIXED -> take(s.getFixedSize(), "fixed " + s.getFullName());
      case ENUM -> index(s.getEnumSymbols().size(), "enum " + s.getFullName());
      case UNION -> scan(s.getTypes().get(index(s.getTypes().size(), "union")), depth + 1);
      case RECORD -> {
        for (Schema.Field f : s.getFields()) {
          scan(f.schema(), depth + 1);
        }
      }
      case ARRAY -> blocks(s.getElementType(), false, depth);
      case MAP -> blocks(s.getValueType(), true, depth);
      default -> throw new Malformed("unsupported Avro type " + s.getType());
    }
  }

  private void blocks(Schema item, boolean keyed, int depth) throws Malformed {
    int itemMin = minSize(item) + (keyed ? 1 : 0);
    while (true) {
      long count = varint(10, "block count");
      if (count == 0) {
        return;
      }
      if (count == Long.MIN_VALUE) {
        throw new Malformed("invalid block count " + count + " at byte " + pos); // cannot be negated
      }
      if (count < 0) {
        count = -count;
        long size = varint(10, "block size");
        if (size < 0 || size > end - pos) {
          throw new Malformed("block size " + size + " exceeds the " + (end - pos) + " byte(s) left at byte " + pos);
        }
      }
      long limit = itemMin > 0 ? (end - pos) / itemMin : MAX_EMPTY_ITEMS;
      if (count > limit) {
        throw new Malformed("block of " + count + " items cannot fit in the " + (end - pos) + " byte(s) left at byte " + pos);
      }
      if (itemMin == 0 && (emptyItems += count) > MAX_EMPTY_ITEMS) {
        throw new Malformed("more than " + MAX_EMPTY_ITEMS + " items of zero bytes (null, empty records) in one record at byte " + pos);
      }
      for (long i = 0; i < count; i++) {
        if (keyed) {
          utf8(length("map key"), "map key");
        }
        scan(item, depth + 1);
      }
    }
  }

  private int index(int size, String what) throws Malformed {
    long i = varint(5, what + " index");
    if (i < 0 || i >= size) {
      throw new Malformed(what + " index " + i + " out of range 0.." + (size - 1) + " at byte " + pos);
    }
    return (int) i;
  }

  private int length(String what) throws Malformed {
    long n = varint(10, what + " length");
    if (n < 0 || n > end - pos) {
      throw new Malformed(what + " length " + n + " exceeds the " + (end - pos) + " byte(s) left at byte " + pos);
    }
    return (int) n;
  }

  private void take(int n, String what) throws Malformed {
    if (n > end - pos) {
      throw new Malformed("truncated: " + what + " needs " + n + " byte(s), " + (end - pos) + " left at byte " + pos);
    }
    pos += n;
  }

  /** Takes {@code n} bytes that must be well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF). */
  private void utf8(int n, String what) throws Malformed {
    int start = pos;
    take(n, what);
    for (int i = start; i < pos; ) {
      int b = buf[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int size = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (size == 0 || i + size > pos) {
        throw new Malformed("invalid UTF-8 in " + what + " at byte " + i);
      }
      // The second byte's range depends on the first (Unicode Table 3-7); the rest are 80..BF.
      int second = buf[i + 1] & 0xff;
      int low = b == 0xe0 ? 0xa0 : b == 0xf0 ? 0x90 : 0x80;
      int high = b == 0xed ? 0x9f : b == 0xf4 ? 0x8f : 0xbf;
      boolean ok = second >= low && second <= high;
      for (int k = 2; k < size && ok; k++) {
        ok = (buf[i + k] & 0xc0) == 0x80;
      }
      if (!ok) {
        throw new Malformed("invalid UTF-8 in " + what + " at byte " + i);
      }
      i += size;
    }
  }

  /** Reads a zig-zag varint of at most {@code maxBytes} bytes. */
  private long varint(int maxBytes, String what) throws Malformed {
    long raw = 0;
    for (int i = 0; i < maxBytes; i++) {
      if (pos >= end) {
        throw new Malformed("truncated: " + what + " runs past the end at byte " + pos);
      }
      int b = buf[pos++] & 0xff;
      raw |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    throw new Malformed("invalid " + what + ": varint longer than " + maxBytes + " bytes at byte " + pos);
  }

  /** The fewest bytes a datum of {@code s} can take (never recurses through unions or collections); memoized. */
  private int minSize(Schema s) {
    if (minSizes == null) {
      minSizes = new IdentityHashMap<>();
    }
    Integer known = minSizes.get(s);
    if (known != null) {
      return known;
    }
    minSizes.put(s, 0); // a record that contains itself directly: no datum can be written anyway
    int size = switch (s.getType()) {
      case NULL -> 0;
      case FLOAT -> 4;
      case DOUBLE -> 8;
      case FIXED -> s.getFixedSize();
      case RECORD -> s.getFields().stream().mapToInt(f -> minSize(f.schema())).sum();
      default -> 1;
    };
    minSizes.put(s, size);
    return size;
  }

  /** A structural problem, thrown without a stack trace. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }
}
