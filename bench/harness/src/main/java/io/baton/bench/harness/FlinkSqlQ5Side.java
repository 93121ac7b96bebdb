package io.baton.bench.harness;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Side B of Nexmark Q5, Flink SQL in batch mode on the same MiniCluster: the bids topic as a Kafka table (as in
 * {@link FlinkSqlQ7Side}), bids counted per auction in {@code HOP} windows (10 s, every 2 s), joined with each window's
 * highest count, so every tied auction stays (Nexmark's own formulation of Q5, in the window-TVF form), into a Kafka
 * table written exactly-once in {@code avro-confluent} with the columns of Baton's {@code HottestItem}, so both outputs
 * compare byte for byte.
 *
 * <pre>{@code
 * Duration took = new FlinkSqlQ5Side(URI.create(driver.flinkWebUrl()), registryUrl).run(run);
 * }</pre>
 */
public final class FlinkSqlQ5Side implements Side {
  private final URI flinkRest;
  private final String registryUrl;

  public FlinkSqlQ5Side(URI flinkRest, String registryUrl) {
    this.flinkRest = flinkRest;
    this.registryUrl = registryUrl;
  }

  @Override
  public String label() {
    return "B flink-sql";
  }

  @Override
  public String description() {
    return "Flink SQL, batch: Kafka table (avro-confluent) -> COUNT per auction in HOP(10 s, 2 s) joined with each"
        + " window's MAX -> Kafka exactly-once";
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
        flinkRest.getHost(), flinkRest.getPort(), new Configuration());
    env.setParallelism(1);
    StreamTableEnvironment sql = StreamTableEnvironment.create(env, EnvironmentSettings.inBatchMode());
    sql.getConfig().set("table.local-time-zone", "UTC");
    long start = System.nanoTime();
    sql.executeSql(FlinkSqlQ7Side.bidsTable(run, registryUrl));
    sql.executeSql(hottest(run));
    sql.executeSql(QUERY).await();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private String hottest(SideRun run) {
    return "CREATE TEMPORARY TABLE hottest (windowStart BIGINT NOT NULL, windowEnd BIGINT NOT NULL,"
        + " auction BIGINT NOT NULL, bidCount BIGINT NOT NULL) WITH ("
        + FlinkSqlQ7Side.kafka(run.output(), run, registryUrl) + ", 'sink.delivery-guarantee' = 'exactly-once',"
        + " 'sink.transactional-id-prefix' = 'bench-" + run.runId() + "',"
        + " 'properties.transaction.timeout.ms' = '300000')";
  }

  /** Bids per auction and window. */
  private static final String COUNTS = "SELECT auction, COUNT(*) AS num, window_start, window_end"
      + " FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '" + NexmarkQ5.SLIDE_MILLIS / 1000 + "' SECOND,"
      + " INTERVAL '" + NexmarkQ5.SIZE_MILLIS / 1000 + "' SECOND))"
      + " GROUP BY auction, window_start, window_end";

  /** Every auction whose count is the window's highest; the bounds as epoch milliseconds (windows are whole seconds). */
  static final String QUERY = "INSERT INTO hottest"
      + " SELECT EXTRACT(EPOCH FROM c.window_start) * 1000, EXTRACT(EPOCH FROM c.window_end) * 1000, c.auction, c.num"
      + " FROM (" + COUNTS + ") AS c"
      + " JOIN (SELECT MAX(num) AS most, window_start, window_end FROM (" + COUNTS + ")"
      + "   GROUP BY window_start, window_end) AS m"
      + " ON c.window_start = m.window_start AND c.window_end = m.window_end AND c.num >= m.most";
}
