package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.baton.testing.BatonExtension;
import io.baton.testing.PipelineTestDriver;
import io.baton.testing.RunningPipeline;
import io.baton.testing.TestNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs {@link OrderCounts} on a real Kafka broker, schema registry and Flink MiniCluster. */
@ExtendWith(BatonExtension.class)
class OrderCountsTest {
  private static final long MINUTE = 60_000L;

  @Test
  void countsEachCustomersOrdersPerMinuteAndDeadLettersNonPositiveAmounts(PipelineTestDriver driver, TestNames names)
      throws Exception {
    String pipeline = names.pipeline(OrderCounts.PIPELINE);
    String ordersTopic = names.topic(OrderCounts.ORDERS_TOPIC);
    String countsTopic = names.topic(OrderCounts.COUNTS_TOPIC);
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      // Three customers, orders spread over four minutes; every seventh has no positive amount.
      long amount = i % 7 == 3 ? -100 : 500 + i;
      orders.add(new Order("o" + i, "c" + (i % 3), amount, 10 * MINUTE + i * 7_919L));
    }
    for (Order o : orders) {
      driver.pipe(ordersTopic, o.getCustomerId(), o, o.getTimestamp());
    }

    driver.runBounded(new OrderCounts(pipeline, ordersTopic, countsTopic), Duration.ofMinutes(2));

    assertEquals(expectedCounts(orders), counts(driver.readAll(countsTopic, CustomerCount.class)));
    long rejected = orders.stream().filter(o -> o.getAmountCents() <= 0).count();
    assertEquals(rejected, driver.deadLetters(pipeline, "orders", (int) rejected, Duration.ofSeconds(30)).size());
  }

  @Test
  void streamingClosesAMinuteOnlyWhenALaterOrderArrives(PipelineTestDriver driver, TestNames names) throws Exception {
    String ordersTopic = names.topic(OrderCounts.ORDERS_TOPIC);
    String countsTopic = names.topic(OrderCounts.COUNTS_TOPIC);
    List<Order> minuteTen = List.of(
        new Order("a", "c1", 100L, 10 * MINUTE + 1_000L),
        new Order("b", "c1", 200L, 10 * MINUTE + 30_000L),
        new Order("c", "c2", 300L, 10 * MINUTE + 59_000L));
    try (RunningPipeline running = driver.start(
        new OrderCounts(names.pipeline(OrderCounts.PIPELINE), ordersTopic, countsTopic))) {
      for (Order o : minuteTen) {
        driver.pipe(ordersTopic, o.getCustomerId(), o, o.getTimestamp());
      }
      // Event time moves only with the data: an order two minutes later closes minute ten (5 s out-of-orderness).
      Order later = new Order("d", "c1", 400L, 12 * MINUTE);
      driver.pipe(ordersTopic, later.getCustomerId(), later, later.getTimestamp());

      List<CustomerCount> out = driver.read(countsTopic, CustomerCount.class, 2, Duration.ofMinutes(2));
      assertEquals(expectedCounts(minuteTen), counts(out));
    }
  }

  /** The oracle: the same counts in plain Java, customer and minute to count. */
  private static Map<String, Long> expectedCounts(List<Order> orders) {
    Map<String, Long> expected = new TreeMap<>();
    for (Order o : orders) {
      if (o.getAmountCents() > 0) {
        expected.merge(o.getCustomerId() + "@" + Math.floorDiv(o.getTimestamp(), MINUTE) * MINUTE, 1L, Long::sum);
      }
    }
    return expected;
  }

  private static Map<String, Long> counts(List<CustomerCount> out) {
    Map<String, Long> actual = new TreeMap<>();
    for (CustomerCount c : out) {
      actual.merge(c.getCustomerId() + "@" + c.getWindowStart(), c.getOrders(), Long::sum);
    }
    return actual;
  }
}
