package io.baton.connectors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link BatonHeaders#LINEAGE} header that points to the pipeline's lineage topic, written when an output's exact
 * input set does not fit the header budget ({@link LineageEncoder#MAX_BYTES}). The set itself, encoded as an inline
 * header would be, sits in the lineage topic in {@link #chunks()} records keyed {@code <stage>/<sha-256>/<i>}
 * (content addressed: a replayed batch writes the same keys, and compaction never merges two different sets), all on
 * {@link #partition()}, written in the same Kafka transaction as the output. Read it back with
 * {@link Provenance#fromHeaders(List, List, LineageStore)}.
 *
 * <pre>
 * value := format(2) uvarint(versionLength) version uvarint(topicLength) topic uvarint(partition)
 *          uvarint(stageLength) stage sha256(32) uvarint(chunks) uvarint(inputCount)
 * </pre>
 *
 * <pre>{@code
 * LineagePointer p = LineagePointer.fromHeaders(record.headers()).orElseThrow();
 * p.key();          // per-minute/3fa0…c1
 * p.inputCount();   // 40000
 * }</pre>
 */
public final class LineagePointer {
  /** The format byte of a pointer header. */
  public static final byte FORMAT = 2;
  /** Largest lineage record value: one chunk of the encoded set, well below Kafka's default 1 MiB message limit. */
  public static final int CHUNK_BYTES = 512 * 1024;
  /** Partitions the lineage topic is created with; a set's partition comes from its digest. */
  public static final int PARTITIONS = 4;

  private static final HexFormat HEX = HexFormat.of();

  private final String version;
  private final String topic;
  private final int partition;
  private final String stage;
  private final byte[] digest;
  private final int chunks;
  private final long inputCount;

  private LineagePointer(String version, String topic, int partition, String stage, byte[] digest, int chunks,
      long inputCount) {
    this.version = version;
    this.topic = topic;
    this.partition = partition;
    this.stage = stage;
    this.digest = digest;
    this.chunks = chunks;
    this.inputCount = inputCount;
  }

  /**
   * The pointer to {@code exact} (an inline-format value, {@link LineageEncoder}) of {@code inputCount} inputs, as
   * {@code stage} writes it into {@code topic} of {@code partitions} partitions.
   */
  public static LineagePointer to(byte[] exact, long inputCount, String stage, String topic, int partitions) {
    if (exact == null || exact.length == 0 || exact[0] != LineageEncoder.FORMAT) {
      throw new IllegalArgumentException("a lineage pointer points to an inline-format value");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    byte[] digest = sha256(exact);
    int partition = Math.floorMod((digest[0] & 0xFF) << 24 | (digest[1] & 0xFF) << 16 | (digest[2] & 0xFF) << 8
        | (digest[3] & 0xFF), partitions);
    int chunks = (exact.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
    return new LineagePointer(versionOf(exact), topic, partition, stage, digest, chunks, inputCount);
  }

  /** The pointer in the last {@link BatonHeaders#LINEAGE} header, or empty when that header is absent or inline. */
  public static Optional<LineagePointer> fromHeaders(List<Header> headers) {
    for (int i = headers.size() - 1; i >= 0; i--) {
      if (headers.get(i).key().equals(BatonHeaders.LINEAGE)) {
        byte[] v = headers.get(i).value();
        return v != null && v.length > 0 && v[0] == FORMAT ? Optional.of(decode(v)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Reads a pointer header value.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static LineagePointer decode(byte[] value) {
    if (value == null || value.length == 0 || value[0] != FORMAT) {
      throw invalid("not a pointer (format " + (value == null || value.length == 0 ? "none" : value[0]) + ")");
    }
    VarintReader in = new VarintReader(value, 1, LineagePointer::invalid);
    String version = in.text("version");
    String topic = in.text("topic");
    int partition = in.intVarint("partition");
    String stage = in.text("stage");
    byte[] digest = in.bytes(32, "digest");
    int chunks = in.intVarint("chunks");
    long count = in.varint("input count");
    if (!in.atEnd()) {
      throw invalid((value.length - in.pos()) + " bytes after the input count");
    }
    if (chunks < 1) {
      throw invalid("no chunks");
    }
    return new LineagePointer(version, topic, partition, stage, digest, chunks, count);
  }

  /** The header value. */
  public byte[] encode() {
    byte[][] texts = {bytes(version), bytes(topic), null, bytes(stage)};
    byte[] out = new byte[1 + 3 * 5 + texts[0].length + texts[1].length + texts[3].length + 5 + 32 + 5 + 10];
    out[0] = FORMAT;
    int at = text(out, 1, texts[0]);
    at = text(out, at, texts[1]);
    at = LineageEncoder.putVarint(out, at, partition);
    at = text(out, at, texts[3]);
    System.arraycopy(digest, 0, out, at, 32);
    at = LineageEncoder.putVarint(out, at + 32, chunks);
    at = LineageEncoder.putVarint(out, at, inputCount);
    return Arrays.copyOf(out, at);
  }

  /** The header carrying this pointer. */
  public Header header() {
    return Header.of(BatonHeaders.LINEAGE, encode());
  }

  /** The lineage records that hold {@code exact}, in order, each addressed to the lineage topic and partition. */
  public List<OutRecord> records(byte[] exact) {
    OutRecord[] records = new OutRecord[chunks];
    List<Header> headers = List.of(Header.ofString(BatonHeaders.STAGE, stage));
    for (int i = 0; i < chunks; i++) {
      byte[] chunk = Arrays.copyOfRange(exact, i * CHUNK_BYTES, Math.min(exact.length, (i + 1) * CHUNK_BYTES));
      records[i] = new OutRecord(topic, chunkKey(i), chunk, headers, OutRecord.NO_TIMESTAMP, partition);
    }
    return List.of(records);
  }

  /** Whether {@code exact} (the chunks joined) is the set this pointer names. */
  public boolean matches(byte[] exact) {
    return MessageDigest.isEqual(digest, sha256(exact));
  }

  /** The key of the set, {@code <stage>/<sha-256 hex>}; its records' keys add {@code /<chunk>}. */
  public String key() {
    return stage + "/" + HEX.formatHex(digest);
  }

  /** The Kafka key of chunk {@code i}. */
  public byte[] chunkKey(int i) {
    return bytes(key() + "/" + i);
  }

  /** The version of the stage that wrote the output. */
  public String stageVersion() {
    return version;
  }

  /** The lineage topic. */
  public String topic() {
    return topic;
  }

  /** The lineage topic's partition that holds the set. */
  public int partition() {
    return partition;
  }

  /** The stage that wrote the output and the lineage records. */
  public String stage() {
    return stage;
  }

  /** How many lineage records hold the set. */
  public int chunks() {
    return chunks;
  }

  /** How many input records the set names. */
  public long inputCount() {
    return inputCount;
  }

  /** The version an inline-format value starts with. */
  private static String versionOf(byte[] exact) {
    return new VarintReader(exact, 1, LineagePointer::invalid).text("version");
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int text(byte[] out, int at, byte[] text) {
    at = LineageEncoder.putVarint(out, at, text.length);
    System.arraycopy(text, 0, out, at, text.length);
    return at + text.length;
  }

  private static IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException("invalid " + BatonHeaders.LINEAGE + " pointer: " + problem);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LineagePointer p && version.equals(p.version) && topic.equals(p.topic)
        && partition == p.partition && stage.equals(p.stage) && Arrays.equals(digest, p.digest) && chunks == p.chunks
        && inputCount == p.inputCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, topic, partition, stage, Arrays.hashCode(digest), chunks, inputCount);
  }

  /** {@code version 1, 40000 inputs in sensor-story.lineage:2 key per-minute/3fa0…c1 (1 record)}. */
  @Override
  public String toString() {
    return "version " + version + ", " + inputCount + (inputCount == 1 ? " input" : " inputs") + " in " + topic + ":"
        + partition + " key " + key() + " (" + chunks + (chunks == 1 ? " record)" : " records)");
  }
}
