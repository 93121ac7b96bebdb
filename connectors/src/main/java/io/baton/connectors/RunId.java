package io.baton.connectors;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of one bounded run, written as the {@link BatonHeaders#RUN} header on every output and dead letter the
 * run makes. Ids sort by the time the run started; as text (what {@code run} prints and jobs get as an argument)
 * {@code <UTC start, to the millisecond>-<8 random hex digits>}; in the header, 12 bytes: the start in epoch
 * milliseconds (8 bytes, big-endian) and the random part (4 bytes), since every record of a run carries it.
 *
 * <pre>{@code
 * RunId run = RunId.next();                          // e.g. 20261205T051203.457Z-3f9a01c2
 * boolean mine = RunId.fromHeaders(record.headers()).equals(Optional.of(run));
 * }</pre>
 */
public final class RunId implements Serializable, Comparable<RunId> {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Pattern FORM = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Bytes of the header form. */
  public static final int BYTES = Long.BYTES + Integer.BYTES;

  private final String value;

  private RunId(String value) {
    this.value = value;
  }

  /** A new id for a run starting now. */
  public static RunId next() {
    return at(Instant.now(), RANDOM.nextInt());
  }

  /** The id of a run started at {@code start}, told apart from others of the same millisecond by {@code random}. */
  public static RunId at(Instant start, int random) {
    Objects.requireNonNull(start, "start");
    return new RunId(TIME.format(start) + "-" + String.format("%08x", random));
  }

  /** Reads an id as {@link #toString()} wrote it. */
  public static RunId parse(String text) {
    if (text == null || !FORM.matcher(text).matches()) {
      throw new IllegalArgumentException("not a run id: '" + text + "'; expected e.g. 20261205T051203.457Z-3f9a01c2");
    }
    return new RunId(text);
  }

  /** The header form: start millis and random part, 12 bytes. */
  public byte[] toBytes() {
    int dash = value.indexOf('-');
    long start = Instant.from(TIME.parse(value.substring(0, dash))).toEpochMilli();
    int random = Integer.parseUnsignedInt(value.substring(dash + 1), 16);
    return ByteBuffer.allocate(BYTES).putLong(start).putInt(random).array();
  }

  /** Reads the header form {@link #toBytes()} wrote. */
  public static RunId fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) {
      throw new IllegalArgumentException("not a run id: " + (bytes == null ? "null" : bytes.length + " bytes")
          + "; expected " + BYTES + " bytes (start millis, random part)");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return at(Instant.ofEpochMilli(b.getLong()), b.getInt());
  }

  /** The run of the last {@link BatonHeaders#RUN} header among {@code headers}, or empty when there is none. */
  public static Optional<RunId> fromHeaders(List<Header> headers) {
    for (int i = headers.size() - 1; i >= 0; i--) {
      if (headers.get(i).key().equals(BatonHeaders.RUN)) {
        return Optional.of(fromBytes(headers.get(i).value()));
      }
    }
    return Optional.empty();
  }

  @Override
  public int compareTo(RunId other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The id as written in headers and job arguments. */
  @Override
  public String toString() {
    return value;
  }
}
