package io.baton.flink.feed;

import io.baton.flink.deploy.Target;
import io.baton.flink.plan.Plan;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * What a {@link Demo} gets from the tool that plays it: the plan of its running pipeline, where it runs,
 * where to print, and a bounded wait.
 *
 * <pre>{@code
 * run.say("Fed 372 readings");
 * run.await("per-minute summaries", () -> reader.readCommitted(topic).size() >= expected);
 * run.trace("sensors.alerts", 0, 0);
 * }</pre>
 */
public interface DemoRun {
  /** The plan of the demo's pipeline, whose jobs are running. */
  Plan plan();

  /** Kafka, the registry and the Flink cluster the pipeline runs on. */
  Target target();

  /** Where the story goes. */
  PrintWriter out();

  /** Prints one progress line at once. */
  void say(String line);

  /** Waits until {@code condition} holds; fails, naming {@code what}, when the tool's patience runs out. */
  void await(String what, BooleanSupplier condition) throws InterruptedException;

  /**
   * Prints, in a few lines, where the record at {@code topic:partition:offset} came from: each stage back to the
   * raw source records, as {@code baton trace} does. A tool that cannot trace prints nothing.
   */
  default void trace(String topic, int partition, long offset) {}
}
