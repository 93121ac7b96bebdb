package io.baton.connectors;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information created by {@link AvroTypes}: one Avro record class or schema. */
final class AvroRecordTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final AvroRecordSerializer<T> serializer;

  AvroRecordTypeInfo(Class<T> type, AvroRecordSerializer<T> serializer) {
    this.type = type;
    this.serializer = serializer;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer.duplicate();
  }

  @Override
  public String toString() {
    return "Avro(" + serializer.schema().getFullName() + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvroRecordTypeInfo<?> other && other.canEqual(this) && serializer.equals(other.serializer);
  }

  @Override
  public int hashCode() {
    return serializer.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof AvroRecordTypeInfo;
  }
}
