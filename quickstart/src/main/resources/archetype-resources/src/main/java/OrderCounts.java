package ${package};

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import java.time.Duration;
import java.util.List;

/**
 * Counts each customer's orders per minute. Orders with an amount that is not positive go to the dead letters of
 * the {@code orders} stage as {@code rule:amount is positive}.
 *
 * <pre>{@code
 * baton run order-counts --jar target/<artifactId>.jar --bounded
 * }</pre>
 */
public final class OrderCounts implements PipelineDefinition {
  public static final String PIPELINE = "order-counts";
  public static final String ORDERS_TOPIC = "orders";
  public static final String COUNTS_TOPIC = "customer-counts";
  public static final String POSITIVE_AMOUNT = "amount is positive";
  /** Tumbling window per customer, aligned to the epoch. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  private final String name;
  private final String ordersTopic;
  private final String countsTopic;

  /** The pipeline as {@code baton run} finds it (through META-INF/services/io.baton.api.PipelineDefinition). */
  public OrderCounts() {
    this(PIPELINE, ORDERS_TOPIC, COUNTS_TOPIC);
  }

  /** The same pipeline under other names, e.g. a test's own. */
  public OrderCounts(String name, String ordersTopic, String countsTopic) {
    this.name = name;
    this.ordersTopic = ordersTopic;
    this.countsTopic = countsTopic;
  }

  @Override
  public Pipeline define() {
    Pipeline p = Pipeline.named(name);
    Stage<Order> orders = p.source("orders", Topic.of(ordersTopic, Order.class)
        .accept(Accept.<Order>schema().rule(POSITIVE_AMOUNT, o -> o.getAmountCents() > 0))
        .eventTime(Order::getTimestamp, Duration.ofSeconds(5)));
    Stage<CustomerCount> perMinute = p.stage("per-minute", orders,
        Batch.every(WINDOW).keyedBy(Order::getCustomerId), OrderCounts::count);
    p.output(perMinute, Topic.of(countsTopic, CustomerCount.class));
    return p;
  }

  /** One customer's orders of one minute, counted; the minute is the one holding the earliest order. */
  static CustomerCount count(String customerId, List<Order> orders) {
    long earliest = orders.stream().mapToLong(Order::getTimestamp).min().orElseThrow();
    long start = Math.floorDiv(earliest, WINDOW.toMillis()) * WINDOW.toMillis();
    return CustomerCount.newBuilder()
        .setCustomerId(customerId)
        .setWindowStart(start)
        .setWindowEnd(start + WINDOW.toMillis())
        .setOrders(orders.size())
        .build();
  }
}
