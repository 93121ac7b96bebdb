package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import io.baton.schemas.wire.WireFormat;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * Values that declare, in a few bytes, collections of millions of entries, a gigabyte string or nesting
 * ten thousand deep go to dead letters as {@code malformed} with what was wrong, among good records that
 * all come out; the stage keeps running (its task manager does not run out of memory).
 */
class HostileValuesIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String P = "hostile";
  private static final String IN = P + ".in";
  /** A newer Reading: the three fields the stage reads, then fields it skips, where the hostile bytes go. */
  private static final Schema WRITER = new Schema.Parser().parse("""
      {"type":"record","name":"Reading","namespace":"io.baton.schemas.sensor","fields":[
        {"name":"sensorId","type":"string"},{"name":"celsius","type":"double"},{"name":"timestamp","type":"long"},
        {"name":"nulls","type":{"type":"array","items":"null"}},
        {"name":"tags","type":{"type":"map","values":"string"}},
        {"name":"note","type":"string"},
        {"name":"tree","type":["null",{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}]}]}""");

  static final class Guarded implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(P);
      Stage<Reading> readings = p.source("readings", Topic.of(IN, Reading.class).accept(Accept.schema()));
      p.stage("count", readings, Batch.count(1000), Sensors::summarize);
      return p;
    }
  }

  /** One hostile input: its value and what its dead letter's error must say. */
  private record Hostile(byte[] value, String error) {}

  @Test
  void hostileValuesAreDeadLettersAndEveryGoodRecordComesOut() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long t0 = System.currentTimeMillis();
    int id = driver.registryClient().register(IN + "-value", WRITER);
    byte[] prefix = body(Reading.getClassSchema(), new Reading("x", 1.0, t0)); // the fields before the hostile ones

    ByteArrayOutputStream manyBlocks = new ByteArrayOutputStream();
    for (int i = 0; i < 64; i++) {
      manyBlocks.writeBytes(varint(1 << 20));
    }
    manyBlocks.writeBytes(new byte[] {0, 0, 0, 0});
    ByteArrayOutputStream deep = new ByteArrayOutputStream();
    deep.writeBytes(new byte[] {0, 0, 0});
    for (int i = 0; i < 10_000; i++) {
      deep.write(2);
    }
    deep.write(0);
    List<Hostile> hostile = List.of(
        new Hostile(framed(id, prefix, varint(Integer.MAX_VALUE), new byte[] {0, 0, 0, 0}),
            "block of 2147483647 items cannot fit"),
        new Hostile(framed(id, prefix, manyBlocks.toByteArray()),
            "more than 1048576 items of zero bytes (null, empty records) in one record"),
        new Hostile(framed(id, prefix, new byte[] {0}, varint(5_000_000), new byte[] {2, 'k', 0, 0, 0, 0}),
            "block of 5000000 items cannot fit"),
        new Hostile(framed(id, prefix, new byte[] {0}, varint(-3), varint(1000), new byte[] {2, 'k', 0, 0, 0}),
            "block size 1000 exceeds"),
        new Hostile(framed(id, prefix, new byte[] {0, 0}, varint(1L << 30), new byte[] {'a', 'b', 0}),
            "string length 1073741824 exceeds the 3 byte(s) left"),
        new Hostile(framed(id, prefix, deep.toByteArray()), "nested deeper than 512 levels"));

    // Good records with small extras, interleaved: three before each hostile one, three after the last.
    List<Reading> good = new ArrayList<>();
    Map<Long, String> expectedErrors = new TreeMap<>();
    long offset = 0;
    for (int i = 0; i <= hostile.size(); i++) {
      for (int k = 0; k < 3; k++) {
        Reading r = reading("s" + i + "-" + k, i + k / 10.0, t0 + offset);
        driver.pipeBytes(IN, null, goodValue(id, r, i), t0 + offset++);
        good.add(r);
      }
      if (i < hostile.size()) {
        expectedErrors.put(offset, hostile.get(i).error());
        driver.pipeBytes(IN, null, hostile.get(i).value(), t0 + offset++);
      }
    }

    driver.runBounded(new Guarded(), WAIT);

    assertThat(driver.readAll(P + ".readings", Reading.class)).containsExactlyElementsOf(good);
    List<KafkaRecord> dead = driver.readAllRaw(P + ".readings.dead-letter");
    Map<Long, String> reasons = new TreeMap<>();
    Map<Long, String> errors = new TreeMap<>();
    for (KafkaRecord letter : dead) {
      long at = Long.parseLong(letter.lastHeader(BatonHeaders.SOURCE_OFFSET).orElseThrow());
      reasons.put(at, letter.lastHeader(BatonHeaders.REASON).orElseThrow());
      errors.put(at, letter.lastHeader(BatonHeaders.ERROR).orElseThrow());
    }
    assertThat(dead).hasSize(hostile.size());
    assertThat(reasons.keySet()).containsExactlyElementsOf(expectedErrors.keySet());
    assertThat(reasons.values()).containsOnly("malformed");
    expectedErrors.forEach((at, error) -> assertThat(errors.get(at)).as("error of offset " + at).contains(error));
    assertThat(driver.readAll(P + ".count", Summary.class)).extracting(Summary::getCount).containsExactly(good.size());
  }

  /** A good record in the writer schema, with {@code n} nulls, a tag, a note and a two-node tree. */
  private static byte[] goodValue(int id, Reading r, int n) throws Exception {
    GenericRecord record = new GenericData.Record(WRITER);
    record.put("sensorId", r.getSensorId());
    record.put("celsius", r.getCelsius());
    record.put("timestamp", r.getTimestamp());
    record.put("nulls", new GenericData.Array<>(WRITER.getField("nulls").schema(), java.util.Collections.nCopies(n, null)));
    record.put("tags", Map.of("k", "v" + n));
    record.put("note", "ok");
    Schema node = WRITER.getField("tree").schema().getTypes().get(1);
    GenericRecord leaf = new GenericData.Record(node);
    GenericRecord root = new GenericData.Record(node);
    root.put("next", leaf);
    record.put("tree", root);
    return framed(id, body(WRITER, record));
  }

  private static byte[] body(Schema schema, Object datum) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<Object>(schema).write(datum, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static byte[] framed(int id, byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(id));
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Avro's zig-zag varint of {@code n}. */
  private static byte[] varint(long n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long z = (n << 1) ^ (n >> 63);
    while ((z & ~0x7FL) != 0) {
      out.write((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.write((int) z);
    return out.toByteArray();
  }
}
