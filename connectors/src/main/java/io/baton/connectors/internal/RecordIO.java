package io.baton.connectors.internal;

import io.baton.connectors.Header;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Binary helpers shared by the record serializers: nullable byte arrays and header lists. */
final class RecordIO {
  private RecordIO() {}

  static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
    if (bytes == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  static byte[] readBytes(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  static void writeHeaders(List<Header> headers, DataOutputView out) throws IOException {
    out.writeInt(headers.size());
    for (Header h : headers) {
      out.writeUTF(h.key());
      writeBytes(h.value(), out);
    }
  }

  static List<Header> readHeaders(DataInputView in) throws IOException {
    int count = in.readInt();
    if (count == 0) {
      return List.of();
    }
    List<Header> headers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      headers.add(Header.of(in.readUTF(), readBytes(in)));
    }
    return List.copyOf(headers);
  }

  /** Writes a string that may be null. */
  static void writeNullableString(String s, DataOutputView out) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  static String readNullableString(DataInputView in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
