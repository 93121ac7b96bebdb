package io.baton.connectors;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Kafka record header: a key and raw bytes (possibly null). Kafka allows repeated keys; order is kept.
 * It is a Kafka client {@code Header} too, so a producer record takes it as it is, without a copy.
 *
 * <pre>{@code
 * Header h = Header.ofString(BatonHeaders.STAGE, "per-minute");
 * String stage = h.valueAsString();
 * }</pre>
 */
public final class Header implements org.apache.kafka.common.header.Header {
  private final String key;
  private final byte[] value;

  private Header(String key, byte[] value) {
    this.key = key;
    this.value = value;
  }

  /** A header with raw bytes; {@code value} is not copied (do not modify it afterwards). */
  public static Header of(String key, byte[] value) {
    Objects.requireNonNull(key, "header key must not be null");
    return new Header(key, value);
  }

  /** A header whose value is {@code value} in UTF-8 (null stays null). */
  public static Header ofString(String key, String value) {
    return of(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  /** The header key. */
  @Override
  public String key() {
    return key;
  }

  /** The raw value (shared, do not modify), or null. */
  @Override
  public byte[] value() {
    return value;
  }

  /** The value decoded as UTF-8, or null. */
  public String valueAsString() {
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Header other && key.equals(other.key) && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * key.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    if (key.equals(BatonHeaders.LINEAGE) && value != null) {
      return key + "=<" + value.length + " bytes>"; // binary
    }
    if (key.equals(BatonHeaders.RUN) && value != null && value.length == RunId.BYTES) {
      return key + "=" + RunId.fromBytes(value);
    }
    return key + "=" + (value == null ? "null" : valueAsString());
  }
}
