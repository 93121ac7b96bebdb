package io.baton.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: one Baton test stack (Kafka, schema registry, Flink MiniCluster; see {@link PipelineTestDriver}) for the
 * whole test run, shared by every test class that uses this extension and stopped when the run ends. Each test
 * method gets the {@link PipelineTestDriver} and its own {@link TestNames}, for topics no other test writes.
 *
 * <pre>{@code
 * @ExtendWith(BatonExtension.class)
 * class OrderCountsTest {
 *   @Test
 *   void countsOrdersPerCustomerAndMinute(PipelineTestDriver driver, TestNames names) throws Exception {
 *     driver.pipe(names.topic("orders"), order, 1_000L);
 *     driver.runBounded(new OrderCounts(names), Duration.ofMinutes(2));
 *     List<CustomerCount> out = driver.readAll(names.topic("counts"), CustomerCount.class);
 *   }
 * }
 * }</pre>
 */
public final class BatonExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BatonExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PipelineTestDriver.class || type == TestNames.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Stack stack = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Stack.class, k -> Stack.start(), Stack.class);
    if (parameter.getParameter().getType() == PipelineTestDriver.class) {
      return stack.driver;
    }
    // One TestNames per test method (a method's parameters, and its @BeforeEach/@AfterEach, share it).
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestNames.class,
        k -> new TestNames(stack.tests.incrementAndGet()), TestNames.class);
  }

  /** The servers of one test run, closed by JUnit when the run's root context closes. */
  static final class Stack implements AutoCloseable {
    final PipelineTestDriver driver;
    final AtomicInteger tests = new AtomicInteger();

    private Stack(PipelineTestDriver driver) {
      this.driver = driver;
    }

    static Stack start() {
      try {
        return new Stack(PipelineTestDriver.start());
      } catch (Exception e) {
        throw new ParameterResolutionException("could not start the Baton test stack (Kafka, registry, Flink MiniCluster): "
            + e.getMessage() + "; see the servers' logs under " + System.getProperty("java.io.tmpdir") + "/baton-test-*/logs", e);
      }
    }

    @Override
    public void close() throws Exception {
      driver.close();
    }
  }
}
