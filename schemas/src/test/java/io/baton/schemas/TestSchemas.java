package io.baton.schemas;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.avro.Schema;

/** Schemas and helpers shared by the tests. */
public final class TestSchemas {
  private TestSchemas() {}

  /** Reading as an older producer wrote it, plus a field the stage does not know ("unit"). */
  public static final Schema READING_WITH_UNIT = parse("""
      {"type":"record","name":"Reading","namespace":"io.baton.schemas.sensor","fields":[
        {"name":"sensorId","type":"string"},
        {"name":"celsius","type":"double"},
        {"name":"timestamp","type":"long"},
        {"name":"unit","type":"string","default":"C"}]}""");

  /** A projection of Reading: only what a stage needs. */
  public static final Schema READING_PROJECTION = parse("""
      {"type":"record","name":"Reading","namespace":"io.baton.schemas.sensor","fields":[
        {"name":"sensorId","type":"string"}]}""");

  /** A Reading whose celsius is a string: cannot be read as the generated Reading. */
  public static final Schema READING_CELSIUS_AS_STRING = parse("""
      {"type":"record","name":"Reading","namespace":"io.baton.schemas.sensor","fields":[
        {"name":"sensorId","type":"string"},
        {"name":"celsius","type":"string"},
        {"name":"timestamp","type":"long"}]}""");

  public static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }

  @SuppressWarnings("unchecked")
  public static <T> T javaRoundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
