package io.baton.bench.harness;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.examples.nexmark.HighestBid;
import io.baton.schemas.nexmark.Bid;
import io.baton.testing.PipelineTestDriver;
import java.time.Duration;

/**
 * Side A of Nexmark Q7, Baton: the {@code nexmark-highest-bid} example pipeline (a bids source stage with event time,
 * then {@code Batch.every(10 s)} with {@link HighestBid#of}) on the harness's topics, run bounded through the test
 * kit: two stage jobs, one after the other.
 *
 * <pre>{@code
 * Duration took = new BatonQ7Side(driver).run(run);
 * }</pre>
 */
public final class BatonQ7Side implements Side {
  private final PipelineTestDriver driver;

  public BatonQ7Side(PipelineTestDriver driver) {
    this.driver = driver;
  }

  @Override
  public String label() {
    return "A baton";
  }

  @Override
  public String description() {
    return "Baton nexmark-highest-bid (source stage with event time, Batch.every(PT10S), HighestBid::of), bounded";
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    long start = System.nanoTime();
    driver.runBounded(new Q7("bench-" + run.runId(), run.input(), run.output()), run.timeout());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The example's pipeline with the harness's topic names, so every run has its own groups and output. */
  record Q7(String name, String input, String output) implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(name);
      Stage<Bid> bids = p.source("bids",
          Topic.of(input, Bid.class).eventTime(Bid::getDateTime, HighestBid.OUT_OF_ORDERNESS));
      p.stage("highest-bid", bids, Batch.every(HighestBid.WINDOW), HighestBid::of).outputTopic(output);
      return p;
    }
  }
}
