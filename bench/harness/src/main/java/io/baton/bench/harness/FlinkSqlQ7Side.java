package io.baton.bench.harness;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Side B of Nexmark Q7, Flink SQL in batch mode on the same MiniCluster: the bids topic as a Kafka table
 * ({@code avro-confluent}, bounded at the latest offset, rowtime from {@code dateTime}), a window Top-1 over
 * {@code TUMBLE(10 s)} ordered by price (ties: lowest auction, then bidder), into a Kafka table written exactly-once
 * in {@code avro-confluent} with the columns of Baton's {@code HighestBid}, so both outputs compare byte for byte.
 *
 * <pre>{@code
 * Duration took = new FlinkSqlQ7Side(URI.create(driver.flinkWebUrl()), registryUrl).run(run);
 * }</pre>
 */
public final class FlinkSqlQ7Side implements Side {
  private final URI flinkRest;
  private final String registryUrl;

  public FlinkSqlQ7Side(URI flinkRest, String registryUrl) {
    this.flinkRest = flinkRest;
    this.registryUrl = registryUrl;
  }

  @Override
  public String label() {
    return "B flink-sql";
  }

  @Override
  public String description() {
    return "Flink SQL, batch: Kafka table (avro-confluent) -> TUMBLE(10 s) window Top-1 by price -> Kafka exactly-once";
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
        flinkRest.getHost(), flinkRest.getPort(), new Configuration());
    env.setParallelism(1);
    StreamTableEnvironment sql = StreamTableEnvironment.create(env, EnvironmentSettings.inBatchMode());
    sql.getConfig().set("table.local-time-zone", "UTC");
    long start = System.nanoTime();
    sql.executeSql(bidsTable(run, registryUrl));
    sql.executeSql(highest(run));
    sql.executeSql(QUERY).await();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The input as table {@code bids}, rowtime {@code ts} from {@code dateTime}, read to its end when the run starts. */
  static String bidsTable(SideRun run, String registryUrl) {
    return "CREATE TEMPORARY TABLE bids (auction BIGINT NOT NULL, bidder BIGINT NOT NULL, price BIGINT NOT NULL,"
        + " channel STRING NOT NULL, url STRING NOT NULL, `dateTime` BIGINT NOT NULL, extra STRING NOT NULL,"
        + " ts AS TO_TIMESTAMP_LTZ(`dateTime`, 3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH ("
        + kafka(run.input(), run, registryUrl) + ", 'properties.group.id' = 'bench-" + run.runId() + "',"
        + " 'properties.isolation.level' = 'read_committed',"
        + " 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')";
  }

  private String highest(SideRun run) {
    return "CREATE TEMPORARY TABLE highest (windowStart BIGINT NOT NULL, windowEnd BIGINT NOT NULL,"
        + " auction BIGINT NOT NULL, bidder BIGINT NOT NULL, price BIGINT NOT NULL) WITH ("
        + kafka(run.output(), run, registryUrl) + ", 'sink.delivery-guarantee' = 'exactly-once',"
        + " 'sink.transactional-id-prefix' = 'bench-" + run.runId() + "',"
        + " 'properties.transaction.timeout.ms' = '300000')";
  }

  /** The options of a Kafka table on {@code topic} with Confluent-framed Avro values. */
  static String kafka(String topic, SideRun run, String registryUrl) {
    return "'connector' = 'kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
        + run.bootstrapServers() + "', 'value.format' = 'avro-confluent', 'value.avro-confluent.url' = '"
        + registryUrl + "'";
  }

  /** Window Top-1; the window's bounds as epoch milliseconds, from the winning bid's own time. */
  static final String QUERY = "INSERT INTO highest"
      + " SELECT `dateTime` - MOD(`dateTime`, " + NexmarkQ7.WINDOW_MILLIS + "),"
      + " `dateTime` - MOD(`dateTime`, " + NexmarkQ7.WINDOW_MILLIS + ") + " + NexmarkQ7.WINDOW_MILLIS + ","
      + " auction, bidder, price FROM ("
      + "  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end"
      + "    ORDER BY price DESC, auction ASC, bidder ASC) AS rn"
      + "  FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
      + ") WHERE rn = 1";
}
