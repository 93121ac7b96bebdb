package io.baton.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Side C, Kafka Streams with {@code processing.guarantee=exactly_once_v2}: {@code stream(input).to(output)} over
 * bytes, one stream thread, default commit interval (100 ms under exactly-once). It runs until its application's
 * committed input offset reaches the end of the input: under exactly-once that offset commits in the same
 * transaction as the copies, so at that moment all N are committed.
 *
 * <pre>{@code
 * Duration took = new StreamsSide(topics).run(run);
 * }</pre>
 */
public final class StreamsSide implements Side {
  private final BenchTopics topics;

  public StreamsSide(BenchTopics topics) {
    this.topics = topics;
  }

  @Override
  public String label() {
    return "C streams";
  }

  @Override
  public String description() {
    return "Kafka Streams stream(input).to(output), bytes, exactly_once_v2, 1 thread, until N committed";
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    String application = "bench-" + run.runId();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(run.input(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to(run.output(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    Path state = Files.createTempDirectory("bench-streams-");
    long start = System.nanoTime();
    KafkaStreams streams = new KafkaStreams(builder.build(), properties(run, application, state));
    try {
      streams.start();
      topics.awaitCommitted(application, run.input(), run.records(), run.timeout());
      return Duration.ofNanos(System.nanoTime() - start);
    } finally {
      streams.close(Duration.ofSeconds(30));
      streams.cleanUp();
    }
  }

  private static Properties properties(SideRun run, String application, Path state) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, run.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return props;
  }
}
