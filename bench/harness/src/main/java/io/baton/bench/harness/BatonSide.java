package io.baton.bench.harness;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.schemas.nexmark.Bid;
import io.baton.testing.PipelineTestDriver;
import java.time.Duration;

/**
 * Side A, Baton: a pipeline of one pass-through stage (a source stage: {@code Batch.each()}, schema accept, identity,
 * exactly-once) run bounded through the test kit, {@link PipelineTestDriver#runBounded}: the deploy step's checks,
 * topics and subjects, then the stage job on the driver's Flink MiniCluster in BATCH mode. The clock covers all of it.
 *
 * <pre>{@code
 * Duration took = new BatonSide(driver).run(run);
 * }</pre>
 */
public final class BatonSide implements Side {
  private final PipelineTestDriver driver;

  public BatonSide(PipelineTestDriver driver) {
    this.driver = driver;
  }

  @Override
  public String label() {
    return "A baton";
  }

  @Override
  public String description() {
    return "Baton source stage (Batch.each, Accept.schema, identity, exactly-once), bounded, test kit MiniCluster";
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    PassThrough pipeline = new PassThrough("bench-" + run.runId(), run.input(), run.output());
    long start = System.nanoTime();
    driver.runBounded(pipeline, run.timeout());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The pass-through pipeline: every accepted bid of {@code input} goes on to {@code output} as it is. */
  record PassThrough(String name, String input, String output) implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(name);
      p.source("copy", Topic.of(input, Bid.class).accept(Accept.schema())).outputTopic(output);
      return p;
    }
  }
}
