package io.baton.bench.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain Avro in the Confluent wire format (magic byte 0, 4-byte schema id, binary body), as the hand-written sides
 * and the output checks use it, without Baton's codec.
 *
 * <pre>{@code
 * byte[] value = FramedAvro.frame(7, FramedAvro.encode(item));
 * HotItem back = FramedAvro.decode(value, HotItem.class);
 * }</pre>
 */
public final class FramedAvro {
  private FramedAvro() {}

  /** The Avro binary body of a generated record. */
  @SuppressWarnings("unchecked")
  public static <T extends SpecificRecord> byte[] encode(T record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(64);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new SpecificDatumWriter<>((Class<T>) record.getClass()).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a framed value written with {@code type}'s own schema. */
  public static <T extends SpecificRecord> T decode(byte[] value, Class<T> type) {
    try {
      return new SpecificDatumReader<>(type).read(null,
          DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Magic byte 0, the 4-byte schema id, the body. */
  public static byte[] frame(int schemaId, byte[] body) {
    byte[] value = new byte[5 + body.length];
    value[1] = (byte) (schemaId >>> 24);
    value[2] = (byte) (schemaId >>> 16);
    value[3] = (byte) (schemaId >>> 8);
    value[4] = (byte) schemaId;
    System.arraycopy(body, 0, value, 5, body.length);
    return value;
  }
}
