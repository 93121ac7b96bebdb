package io.baton.schemas.wire;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id as 4 bytes big-endian,
 * then the Avro binary encoding of the record.
 *
 * <pre>{@code
 * int id = WireFormat.schemaId(bytes);          // throws DecodeException (malformed) on a bad header
 * byte[] header = WireFormat.header(id);
 * }</pre>
 */
public final class WireFormat {
  /** The first byte of every framed record. */
  public static final byte MAGIC_BYTE = 0;
  /** Magic byte plus schema id. */
  public static final int HEADER_LENGTH = 5;

  private WireFormat() {}

  /** The 5-byte header for schema {@code id}. */
  public static byte[] header(int id) {
    byte[] header = new byte[HEADER_LENGTH];
    writeHeader(id, header);
    return header;
  }

  /** Writes the header for {@code id} into the first 5 bytes of {@code target}. */
  static void writeHeader(int id, byte[] target) {
    target[0] = MAGIC_BYTE;
    target[1] = (byte) (id >>> 24);
    target[2] = (byte) (id >>> 16);
    target[3] = (byte) (id >>> 8);
    target[4] = (byte) id;
  }

  /**
   * The writer schema id in a framed record's header.
   *
   * @throws DecodeException (malformed) when the value is null, shorter than the header or has another magic byte
   */
  public static int schemaId(byte[] value) throws DecodeException {
    if (value == null) {
      throw DecodeException.malformed(-1, "value is null (no bytes to decode)", null);
    }
    if (value.length < HEADER_LENGTH) {
      throw DecodeException.malformed(-1,
          "value has " + value.length + " byte(s), fewer than the " + HEADER_LENGTH + "-byte Confluent header", null);
    }
    if (value[0] != MAGIC_BYTE) {
      throw DecodeException.malformed(-1,
          String.format("magic byte is 0x%02x, expected 0x00 (not Confluent-framed Avro)", value[0] & 0xff), null);
    }
    return ((value[1] & 0xff) << 24) | ((value[2] & 0xff) << 16) | ((value[3] & 0xff) << 8) | (value[4] & 0xff);
  }
}
