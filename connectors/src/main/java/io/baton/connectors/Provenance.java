package io.baton.connectors;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a stage output came from: the stage version and the exact input records. Written as one binary
 * header, {@link BatonHeaders#LINEAGE} (format in {@link LineageEncoder}). The header names inputs by their
 * side, the index of their topic among the writing stage's input topics; pipeline and stage are not
 * written, because the topic a record sits in names the one stage that writes it (the plan knows its input
 * topics). Reading therefore takes those topics:
 *
 * <pre>{@code
 * Provenance p = Provenance.of("3", inputs.build());
 * OutRecord out = OutRecord.builder().value(bytes).headers(p.toHeaders(List.of("sensor-story.readings"))).build();
 * Provenance back = Provenance.fromHeaders(record.headers(), List.of("sensor-story.readings")).orElseThrow();
 * }</pre>
 *
 * <p>A batch whose exact inputs exceed the header budget carries a {@link LineagePointer} instead, resolved through a
 * {@link LineageStore}: {@code Provenance.fromHeaders(record.headers(), inputTopics, KafkaLineageStore.of(kafka))}.
 */
public final class Provenance implements Serializable {
  private static final long serialVersionUID = 2L;

  private final String stageVersion;
  private final InputOffsets inputs;

  private Provenance(String stageVersion, InputOffsets inputs) {
    this.stageVersion = stageVersion;
    this.inputs = inputs;
  }

  /** Provenance of one output; the version must not be blank. */
  public static Provenance of(String stageVersion, InputOffsets inputs) {
    if (stageVersion == null || stageVersion.isBlank()) {
      throw new IllegalArgumentException("invalid Provenance: stageVersion must not be blank, got '" + stageVersion + "'");
    }
    return new Provenance(stageVersion, Objects.requireNonNull(inputs, "inputs must not be null"));
  }

  /**
   * Reads the last {@link BatonHeaders#LINEAGE} header, naming sides by {@code inputTopics} (the input
   * topics of the stage that wrote the record), or empty when the record carries none.
   *
   * @throws IllegalArgumentException when the header is present but unreadable
   */
  public static Optional<Provenance> fromHeaders(List<Header> headers, List<String> inputTopics) {
    for (int i = headers.size() - 1; i >= 0; i--) {
      if (headers.get(i).key().equals(BatonHeaders.LINEAGE)) {
        return Optional.of(decode(headers.get(i).value(), inputTopics));
      }
    }
    return Optional.empty();
  }

  /**
   * As {@link #fromHeaders(List, List)}, resolving a {@link LineagePointer} through {@code store}: the exact inputs
   * from the lineage topic, checked against the pointer's digest.
   *
   * @throws IllegalArgumentException when the header is unreadable or the lineage records are missing or do not match
   */
  public static Optional<Provenance> fromHeaders(List<Header> headers, List<String> inputTopics, LineageStore store) {
    Optional<LineagePointer> pointer = LineagePointer.fromHeaders(headers);
    if (pointer.isEmpty()) {
      return fromHeaders(headers, inputTopics);
    }
    return Optional.of(resolve(pointer.get(), inputTopics, store));
  }

  /** The exact inputs {@code pointer} names, read through {@code store} and checked against its digest. */
  public static Provenance resolve(LineagePointer pointer, List<String> inputTopics, LineageStore store) {
    byte[] exact = store.read(pointer);
    if (!pointer.matches(exact)) {
      throw invalid("the lineage records of " + pointer.key() + " do not match its digest");
    }
    Provenance p = decode(exact, inputTopics);
    if (p.inputs().count() != pointer.inputCount()) {
      throw invalid("the lineage records of " + pointer.key() + " name " + p.inputs().count() + " inputs, the pointer "
          + pointer.inputCount());
    }
    return p;
  }

  /**
   * Decodes a {@link BatonHeaders#LINEAGE} value.
   *
   * @throws IllegalArgumentException naming what is wrong (unknown format, truncated, a side without a topic)
   */
  public static Provenance decode(byte[] value, List<String> inputTopics) {
    if (value == null || value.length == 0) {
      throw invalid("it is empty");
    }
    if (value[0] == LineagePointer.FORMAT) {
      throw invalid("it points to the lineage topic (" + LineagePointer.decode(value)
          + "): read it with Provenance.fromHeaders(headers, inputTopics, store)");
    }
    if (value[0] != LineageEncoder.FORMAT) {
      throw invalid("unknown format " + value[0] + ", expected " + LineageEncoder.FORMAT);
    }
    VarintReader in = new VarintReader(value, 1, Provenance::invalid);
    String version = in.text("version");
    InputOffsets.Builder inputs = InputOffsets.builder();
    while (!in.atEnd()) {
      int side = in.intVarint("side");
      if (side >= inputTopics.size()) {
        throw invalid("side " + side + " but the stage reads only " + inputTopics);
      }
      String topic = inputTopics.get(side);
      int partition = in.intVarint("partition");
      long countAndFlag = in.varint("range count");
      long count = countAndFlag >>> 1;
      if (count == 0) {
        throw invalid("an entry of " + topic + ":" + partition + " without ranges");
      }
      long to = -1;
      for (long r = 0; r < count; r++) {
        long from = r == 0 ? in.varint("offset") : sum(to, in.varint("offset gap"));
        to = sum(from, in.varint("range length"));
        if ((countAndFlag & 1) == 1) {
          inputs.addSpan(topic, partition, from, to);
        } else {
          inputs.addRange(topic, partition, from, to);
        }
      }
    }
    return of(version, inputs.build());
  }

  /** The one {@link BatonHeaders#LINEAGE} header, sides numbered by {@code inputTopics}, within the default budget. */
  public List<Header> toHeaders(List<String> inputTopics) {
    return toHeaders(inputTopics, LineageEncoder.MAX_BYTES);
  }

  /** As {@link #toHeaders(List)}, with inputs limited to {@code maxBytes} (else per-partition spans). */
  public List<Header> toHeaders(List<String> inputTopics, int maxBytes) {
    return List.of(LineageEncoder.of(stageVersion, inputTopics, maxBytes).header(inputs));
  }

  /** The stage version. */
  public String stageVersion() {
    return stageVersion;
  }

  /** The input records. */
  public InputOffsets inputs() {
    return inputs;
  }

  private static long sum(long a, long b) {
    long sum = a + b;
    if (sum < 0) {
      throw invalid("offset " + a + " + " + b + " overflows");
    }
    return sum;
  }

  private static IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException("invalid " + BatonHeaders.LINEAGE + " header: " + problem);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Provenance other && stageVersion.equals(other.stageVersion) && inputs.equals(other.inputs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stageVersion, inputs);
  }

  @Override
  public String toString() {
    return "version " + stageVersion + " <- " + inputs;
  }
}
