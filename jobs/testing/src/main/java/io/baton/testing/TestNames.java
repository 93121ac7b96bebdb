package io.baton.testing;

/**
 * Names of one test's own: the same pipeline and topics in every test, each with this test's suffix, so tests that
 * share one stack never read each other's records. {@link BatonExtension} hands one to each test method.
 *
 * <pre>{@code
 * @Test
 * void countsPerKey(PipelineTestDriver driver, TestNames names) {
 *   OrderCounts pipeline = new OrderCounts(names.pipeline("order-counts"), names.topic("orders"), names.topic("counts"));
 *   driver.pipe(names.topic("orders"), order, 1_000L);    // orders-t7
 * }
 * }</pre>
 */
public final class TestNames {
  private final String suffix;

  TestNames(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1 but was " + number);
    }
    this.suffix = "t" + number;
  }

  /** This test's suffix, e.g. {@code t7}. */
  public String suffix() {
    return suffix;
  }

  /** {@code base} with this test's suffix: {@code orders} becomes {@code orders-t7}. */
  public String topic(String base) {
    return base + "-" + suffix;
  }

  /** A pipeline name with this test's suffix, e.g. {@code order-counts-t7}; its handoff and dead-letter topics follow it. */
  public String pipeline(String base) {
    return base + "-" + suffix;
  }

  @Override
  public String toString() {
    return "TestNames[" + suffix + "]";
  }
}
