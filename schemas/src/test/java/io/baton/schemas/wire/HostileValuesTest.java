package io.baton.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.baton.schemas.registry.CountingRegistryClient;
import io.baton.schemas.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Values declared in a few bytes that would be huge or deep once decoded are refused by the structural
 * scan, before Avro allocates anything, with a reason that says what was wrong.
 */
class HostileValuesTest {
  private static final Schema RECORDS = parse("""
      {"type":"record","name":"Batch","fields":[{"name":"items","type":{"type":"array","items":
        {"type":"record","name":"Item","fields":[{"name":"n","type":"int"},{"name":"s","type":"string"}]}}}]}""");
  private static final Schema MAP = parse("""
      {"type":"record","name":"Tags","fields":[{"name":"tags","type":{"type":"map","values":"string"}}]}""");
  private static final Schema TEXT = parse("""
      {"type":"record","name":"Note","fields":[{"name":"text","type":"string"}]}""");
  private static final Schema CHAIN = parse("""
      {"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}""");
  private static final Schema NULLS = parse("""
      {"type":"record","name":"Nulls","fields":[{"name":"items","type":{"type":"array","items":"null"}}]}""");
  private static final Schema NESTED_NULLS = parse("""
      {"type":"record","name":"Grid","fields":[{"name":"rows","type":{"type":"array","items":
        {"type":"array","items":"null"}}}]}""");
  private static final Schema INTS = parse("""
      {"type":"record","name":"Ints","fields":[{"name":"items","type":{"type":"array","items":"int"}}]}""");
  private static final Schema SELF = parse("""
      {"type":"record","name":"Twice","fields":[{"name":"items","type":{"type":"array","items":
        {"type":"record","name":"Self","fields":[{"name":"a","type":"Self"},{"name":"b","type":"Self"}]}}}]}""");

  private final CountingRegistryClient client = new CountingRegistryClient();
  private final SchemaRegistry registry = client.registry();

  @AfterEach
  void tearDown() {
    registry.close();
  }

  @Test
  void arrayDeclaringTwoBillionRecordsInSixBytesIsRefused() {
    byte[] bytes = bytes(varint(Integer.MAX_VALUE), new byte[] {2});

    assertThat(bytes).hasSize(6);
    assertThat(AvroBinaryScanner.check(RECORDS, bytes, 0, bytes.length))
        .isEqualTo("block of 2147483647 items cannot fit in the 1 byte(s) left at byte 5");
  }

  @Test
  void mapDeclaringMillionsOfEntriesIsRefused() {
    byte[] bytes = bytes(varint(5_000_000), new byte[] {2, 'k', 0});

    assertThat(AvroBinaryScanner.check(MAP, bytes, 0, bytes.length))
        .isEqualTo("block of 5000000 items cannot fit in the 3 byte(s) left at byte 4");
  }

  @Test
  void stringOfLengthTwoToTheThirtyInTenBytesIsRefused() {
    byte[] bytes = bytes(varint(1L << 30), new byte[] {'a', 'b', 'c', 'd', 'e'});

    assertThat(bytes).hasSize(10);
    assertThat(AvroBinaryScanner.check(TEXT, bytes, 0, bytes.length))
        .isEqualTo("string length 1073741824 exceeds the 5 byte(s) left at byte 5");
  }

  @Test
  void stringLengthNearIntegerMaxIsRefused() {
    byte[] bytes = bytes(varint(Integer.MAX_VALUE - 1), new byte[] {'a'});

    assertThat(AvroBinaryScanner.check(TEXT, bytes, 0, bytes.length))
        .isEqualTo("string length 2147483646 exceeds the 1 byte(s) left at byte 5");
  }

  @Test
  void tenThousandDeepRecursiveValueIsRefusedBeforeAvroRecurses() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 10_000; i++) {
      out.write(2); // union branch 1: another Node
    }
    out.write(0); // branch 0: null
    byte[] bytes = out.toByteArray();

    assertThat(AvroBinaryScanner.check(CHAIN, bytes, 0, bytes.length)).startsWith("nested deeper than 512 levels");
    assertThatThrownBy(() -> decoder(CHAIN).decode(framed(CHAIN, bytes)))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo("malformed"))
        .hasMessageContaining("nested deeper than 512 levels")
        .hasNoCause();
  }

  @Test
  void manyBlocksOfNullsTogetherBeyondTheLimitAreRefused() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 64; i++) {
      out.writeBytes(varint(AvroBinaryScanner.MAX_EMPTY_ITEMS)); // each block alone is within the limit
    }
    out.write(0);
    byte[] bytes = out.toByteArray();

    assertThat(bytes.length).isLessThan(300);
    assertThat(AvroBinaryScanner.check(NULLS, bytes, 0, bytes.length))
        .isEqualTo("more than 1048576 items of zero bytes (null, empty records) in one record at byte "
            + 2 * varint(AvroBinaryScanner.MAX_EMPTY_ITEMS).length);
  }

  @Test
  void manyInnerArraysOfNullsTogetherBeyondTheLimitAreRefused() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(varint(40)); // 40 rows of 2^20 nulls: 4 bytes each
    for (int i = 0; i < 40; i++) {
      out.writeBytes(varint(AvroBinaryScanner.MAX_EMPTY_ITEMS));
      out.write(0);
    }
    out.write(0);
    byte[] bytes = out.toByteArray();

    assertThat(AvroBinaryScanner.check(NESTED_NULLS, bytes, 0, bytes.length))
        .startsWith("more than 1048576 items of zero bytes (null, empty records) in one record");
  }

  @Test
  void nullsUpToTheLimitAreAccepted() {
    byte[] bytes = bytes(varint(AvroBinaryScanner.MAX_EMPTY_ITEMS / 2), varint(AvroBinaryScanner.MAX_EMPTY_ITEMS / 2),
        new byte[] {0});

    assertThat(AvroBinaryScanner.check(NULLS, bytes, 0, bytes.length)).isNull();
  }

  @Test
  void negativeBlockCountWithBogusByteSizeIsRefused() {
    byte[] tooBig = bytes(varint(-3), varint(1000), new byte[] {2, 4, 6, 0});
    byte[] negative = bytes(varint(-3), varint(-1), new byte[] {2, 4, 6, 0});

    assertThat(AvroBinaryScanner.check(INTS, tooBig, 0, tooBig.length))
        .isEqualTo("block size 1000 exceeds the 4 byte(s) left at byte 3");
    assertThat(AvroBinaryScanner.check(INTS, negative, 0, negative.length))
        .isEqualTo("block size -1 exceeds the 4 byte(s) left at byte 2");
  }

  @Test
  void blockCountOfLongMinValueIsRefused() {
    // -2^63 cannot be negated: a scanner that negates it sees a negative count and walks past the block.
    byte[] bytes = bytes(varint(Long.MIN_VALUE), varint(0), new byte[] {0});

    assertThat(AvroBinaryScanner.check(INTS, bytes, 0, bytes.length))
        .isEqualTo("invalid block count -9223372036854775808 at byte 10");
  }

  @Test
  void recordThatContainsItselfTwiceIsRefusedWithoutWalkingEveryPath() {
    byte[] bytes = bytes(varint(1), new byte[] {0});

    // Before the fix the scanner walked all 2^512 paths of the schema to size one item (a hang).
    String failure = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> AvroBinaryScanner.check(SELF, bytes, 0, bytes.length));
    assertThat(failure).startsWith("nested deeper than 512 levels");
  }

  private WireDecoder<org.apache.avro.generic.GenericRecord> decoder(Schema schema) {
    WireDecoder<org.apache.avro.generic.GenericRecord> decoder = WireDecoder.over(schema, null, () -> registry);
    decoder.open();
    return decoder;
  }

  private byte[] framed(Schema schema, byte[] body) {
    int id = registry.register("hostile-" + schema.getName() + "-value", schema);
    return bytes(WireFormat.header(id), body);
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }

  /** Avro's zig-zag varint of {@code n}. */
  static byte[] varint(long n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long z = (n << 1) ^ (n >> 63);
    while ((z & ~0x7FL) != 0) {
      out.write((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.write((int) z);
    return out.toByteArray();
  }

  private static byte[] bytes(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
