package io.baton.connectors;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the binary value of the {@link BatonHeaders#LINEAGE} header: the stage version and the exact input
 * offsets, as unsigned varints (LEB128), read back by {@link Provenance#decode}.
 *
 * <pre>
 * value   := format(1) uvarint(versionLength) versionUtf8 entry*        entries run to the end of the value
 * entry   := uvarint(side) uvarint(partition) uvarint(rangeCount &lt;&lt; 1 | approximate) ranges
 * ranges  := uvarint(from0) uvarint(to0 - from0) { uvarint(from_i - to_{i-1}) uvarint(to_i - from_i) }
 * </pre>
 *
 * <p>{@code side} is the index of the input's topic among the stage's input topics: the pipeline and stage
 * are not written, since the topic a record sits in names the one stage that writes it. A pass-through
 * output (one input at offset {@code < 2^28}, version "1") takes at most 11 bytes. When the exact form would
 * exceed the budget ({@link #MAX_BYTES} by default), a stage writes it to the lineage topic and the header points
 * there ({@link #encodeExact} says when, {@link LineagePointer}); {@link #encode} instead writes every partition
 * as one approximate span from its first to its last offset.
 *
 * <p>One encoder per operator instance: it reuses a scratch buffer and is not thread-safe.
 *
 * <pre>{@code
 * LineageEncoder lineage = LineageEncoder.of("1", List.of("sensor-story.readings"));
 * Header one = lineage.header("sensor-story.readings", 0, 42);                    // 13 + 8 bytes
 * Header many = lineage.header(inputs.build());
 * }</pre>
 */
public final class LineageEncoder {
  /** The format byte this encoder writes first. */
  public static final byte FORMAT = 1;
  /** Default budget of the value; beyond it a stage's exact inputs go to the lineage topic. */
  public static final int MAX_BYTES = 64 * 1024;

  private final byte[] head;
  private final List<String> inputTopics;
  private final int maxBytes;
  private byte[] buf;
  private int pos;
  private String lastTopic;
  private int lastSide;

  private LineageEncoder(byte[] head, List<String> inputTopics, int maxBytes) {
    this.head = head;
    this.inputTopics = inputTopics;
    this.maxBytes = maxBytes;
    this.buf = new byte[Math.max(64, head.length + 32)];
  }

  /** An encoder for a stage of version {@code version} reading {@code inputTopics} (a record's side is its index). */
  public static LineageEncoder of(String version, List<String> inputTopics) {
    return of(version, inputTopics, MAX_BYTES);
  }

  /** As {@link #of(String, List)}, with a budget of {@code maxBytes} for the value. */
  public static LineageEncoder of(String version, List<String> inputTopics, int maxBytes) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("stage version must not be blank, got '" + version + "'");
    }
    if (inputTopics == null || inputTopics.isEmpty()) {
      throw new IllegalArgumentException("a stage reads at least one input topic, got " + inputTopics);
    }
    byte[] v = version.getBytes(StandardCharsets.UTF_8);
    byte[] head = new byte[1 + 5 + v.length];
    head[0] = FORMAT;
    int n = putVarint(head, 1, v.length);
    System.arraycopy(v, 0, head, n, v.length);
    return new LineageEncoder(Arrays.copyOf(head, n + v.length), List.copyOf(inputTopics), maxBytes);
  }

  /** The header for an output made from {@code inputs}. */
  public Header header(InputOffsets inputs) {
    return Header.of(BatonHeaders.LINEAGE, encode(inputs));
  }

  /** The header for an output of one input record: a pass-through's short path, nothing built on the way. */
  public Header header(String topic, int partition, long offset) {
    if (partition < 0 || offset < 0) {
      throw new IllegalArgumentException("invalid input coordinates " + topic + ":" + partition + ":" + offset);
    }
    pos = 0;
    ensure(head.length + 30);
    System.arraycopy(head, 0, buf, 0, head.length);
    pos = head.length;
    put(side(topic));
    put(partition);
    put(1 << 1); // one exact range
    put(offset);
    put(0);
    return Header.of(BatonHeaders.LINEAGE, Arrays.copyOf(buf, pos));
  }

  /** The header value for {@code inputs}: exact when it fits the budget, else one span per partition. */
  public byte[] encode(InputOffsets inputs) {
    if (!write(inputs, false, maxBytes)) {
      write(inputs, true, maxBytes);
    }
    return Arrays.copyOf(buf, pos);
  }

  /** The exact header value for {@code inputs}, or null when it does not fit the budget (stops writing there). */
  public byte[] encodeExact(InputOffsets inputs) {
    return write(inputs, false, maxBytes) ? Arrays.copyOf(buf, pos) : null;
  }

  /** The exact value for {@code inputs} whatever its size: what the lineage topic holds for a pointer. */
  public byte[] exact(InputOffsets inputs) {
    write(inputs, false, Integer.MAX_VALUE - 64);
    return Arrays.copyOf(buf, pos);
  }

  /** Writes the value into {@code buf}; false when exact ranges passed {@code limit} (spans always finish). */
  private boolean write(InputOffsets inputs, boolean spans, int limit) {
    pos = 0;
    ensure(head.length);
    System.arraycopy(head, 0, buf, 0, head.length);
    pos = head.length;
    for (int i = 0, n = inputs.size(); i < n; i++) {
      long[] ranges = inputs.ranges(i);
      ensure(30);
      put(side(inputs.topic(i)));
      put(inputs.partition(i));
      if (spans) {
        put(1 << 1 | 1);
        ensure(20);
        put(ranges[0]);
        put(ranges[ranges.length - 1] - ranges[0]);
        continue;
      }
      put((long) (ranges.length / 2) << 1 | (inputs.approximate(i) ? 1 : 0));
      long previousTo = 0;
      for (int r = 0; r < ranges.length; r += 2) {
        ensure(20);
        put(r == 0 ? ranges[0] : ranges[r] - previousTo);
        put(ranges[r + 1] - ranges[r]);
        previousTo = ranges[r + 1];
        if (pos > limit) {
          return false;
        }
      }
    }
    return pos <= limit || spans;
  }

  private int side(String topic) {
    if (topic == lastTopic) {
      return lastSide;
    }
    int side = inputTopics.indexOf(topic);
    if (side < 0) {
      throw new IllegalArgumentException("input topic " + topic + " is not one the stage reads: " + inputTopics);
    }
    lastTopic = topic;
    lastSide = side;
    return side;
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
  }

  private void put(long value) {
    pos = putVarint(buf, pos, value);
  }

  /** Writes {@code value} (not negative) as an unsigned varint at {@code at}; returns the position after it. */
  static int putVarint(byte[] into, int at, long value) {
    while ((value & ~0x7FL) != 0) {
      into[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    into[at++] = (byte) value;
    return at;
  }
}
