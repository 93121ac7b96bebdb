package io.baton.bench.harness;

/**
 * An order-free fingerprint of a multiset of record values: how many, and the sum of a 64-bit hash of each value's
 * Avro body (the bytes after the 5-byte Confluent header, so a copy written under another schema id still matches).
 * Two topics with equal digests hold the same values the same number of times, up to a hash collision.
 *
 * <pre>{@code
 * ValueDigest d = ValueDigest.EMPTY.plus(value1).plus(value2);
 * d.equals(ValueDigest.EMPTY.plus(value2).plus(value1));   // true
 * }</pre>
 *
 * @param count number of values
 * @param hashSum sum (mod 2^64) of the values' body hashes
 */
public record ValueDigest(long count, long hashSum) {

  public static final ValueDigest EMPTY = new ValueDigest(0, 0);

  /** This digest with one more value. */
  public ValueDigest plus(byte[] value) {
    return new ValueDigest(count + 1, hashSum + bodyHash(value));
  }

  /** The hash of a value's Avro body: FNV-1a over the bytes, then SplitMix64's finalizer to spread the bits. */
  static long bodyHash(byte[] value) {
    if (value == null) {
      return 0x9e3779b97f4a7c15L;
    }
    int from = isConfluentFramed(value) ? 5 : 0;
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < value.length; i++) {
      h ^= value[i] & 0xff;
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  /** The Avro body of a Confluent-framed value (magic byte 0, 4-byte schema id), or the value itself. */
  static byte[] body(byte[] value) {
    return isConfluentFramed(value) ? java.util.Arrays.copyOfRange(value, 5, value.length) : value;
  }

  private static boolean isConfluentFramed(byte[] value) {
    return value != null && value.length >= 5 && value[0] == 0;
  }
}
