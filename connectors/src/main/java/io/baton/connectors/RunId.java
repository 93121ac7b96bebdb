package io.baton.connectors;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of one bounded run, written as the {@link BatonHeaders#RUN} header on every output and dead letter the
 * run makes. Ids sort by the time the run started: {@code <UTC start, to the millisecond>-<8 random hex digits>}.
 *
 * <pre>{@code
 * RunId run = RunId.next();                          // e.g. 20261205T051203.457Z-3f9a01c2
 * boolean mine = BatonHeaders.last(record.headers(), BatonHeaders.RUN).equals(Optional.of(run.toString()));
 * }</pre>
 */
public final class RunId implements Serializable, Comparable<RunId> {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Pattern FORM = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}");
  private static final SecureRandom RANDOM = new SecureRandom();

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
