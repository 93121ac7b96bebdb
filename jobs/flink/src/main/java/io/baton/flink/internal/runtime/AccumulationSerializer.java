package io.baton.flink.internal.runtime;

import io.baton.connectors.internal.ValueTypeInfo;
import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

/**
 * Flink serializer for {@link Accumulation}, so state and checkpoints never fall back to Kryo: the user's
 * accumulator with Java serialization (the pipeline checks it is {@link Serializable} when it is built),
 * the typed key as a tagged String, Long or Integer (Java serialization for any other key), then key
 * text, times, count and the offset ranges. Java-serialized classes load from the task's user class loader.
 *
 * <pre>{@code
 * windowed.aggregate(new AggregateStep(..), new AggregateRelease(..), AccumulationSerializer.TYPE, ...)
 * }</pre>
 */
public final class AccumulationSerializer extends TypeSerializerSingleton<Accumulation> {
  private static final long serialVersionUID = 1L;

  public static final AccumulationSerializer INSTANCE = new AccumulationSerializer();
  public static final TypeInformation<Accumulation> TYPE = new ValueTypeInfo<>(Accumulation.class, INSTANCE);

  private static final byte VERSION = 1;
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte INT = 3;
  private static final byte JAVA = 9;

  private AccumulationSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public Accumulation createInstance() {
    return new Accumulation(null);
  }

  /** A deep copy, through the serialized form (heap state copies only after a snapshot). */
  @Override
  public Accumulation copy(Accumulation from) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(256);
      serialize(from, out);
      return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot copy " + from, e);
    }
  }

  @Override
  public Accumulation copy(Accumulation from, Accumulation reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Accumulation acc, DataOutputView out) throws IOException {
    out.writeByte(VERSION);
    writeObject(acc.user, out);
    writeKey(acc.typedKey, out);
    out.writeUTF(acc.key);
    out.writeLong(acc.earliest);
    out.writeLong(acc.newest);
    out.writeLong(acc.count);
    OffsetRuns.Partition[] partitions = acc.inputs.partitions();
    out.writeInt(partitions.length);
    for (OffsetRuns.Partition p : partitions) {
      out.writeUTF(p.topic);
      out.writeInt(p.partition);
      out.writeInt(p.size);
      for (int i = 0; i < p.size; i++) {
        out.writeLong(p.ranges[i]);
      }
    }
  }

  @Override
  public Accumulation deserialize(DataInputView in) throws IOException {
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IOException("unknown accumulation format " + version + " (this version reads " + VERSION + ")");
    }
    Accumulation acc = new Accumulation(readObject(in));
    acc.typedKey = readKey(in);
    acc.key = in.readUTF();
    acc.earliest = in.readLong();
    acc.newest = in.readLong();
    acc.count = in.readLong();
    int partitions = in.readInt();
    for (int n = 0; n < partitions; n++) {
      String topic = in.readUTF();
      int partition = in.readInt();
      long[] ranges = new long[in.readInt()];
      for (int i = 0; i < ranges.length; i++) {
        ranges[i] = in.readLong();
      }
      acc.inputs.restore(topic, partition, ranges);
    }
    return acc;
  }

  @Override
  public Accumulation deserialize(Accumulation reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  private static void writeKey(Object key, DataOutputView out) throws IOException {
    if (key == null) {
      out.writeByte(NULL);
    } else if (key instanceof String s) {
      out.writeByte(STRING);
      out.writeUTF(s);
    } else if (key instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (key instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else {
      out.writeByte(JAVA);
      writeObject(key, out);
    }
  }

  private static Object readKey(DataInputView in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> in.readUTF();
      case LONG -> in.readLong();
      case INT -> in.readInt();
      case JAVA -> readObject(in);
      default -> throw new IOException("unknown key tag " + tag);
    };
  }

  private static void writeObject(Object o, DataOutputView out) throws IOException {
    if (o != null && !(o instanceof Serializable)) {
      throw new IOException(o.getClass().getName() + " is not Serializable; an aggregate's accumulator and key must be");
    }
    byte[] bytes = InstantiationUtil.serializeObject(o);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static Object readObject(DataInputView in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    try {
      return InstantiationUtil.deserializeObject(bytes, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IOException("cannot restore an accumulator: " + e.getMessage(), e);
    }
  }

  @Override
  public TypeSerializerSnapshot<Accumulation> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer from a checkpoint or savepoint. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Accumulation> {
    /** Used by Flink when reading a savepoint. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
