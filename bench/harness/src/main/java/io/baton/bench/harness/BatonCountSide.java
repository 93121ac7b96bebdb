package io.baton.bench.harness;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import io.baton.testing.PipelineTestDriver;
import java.time.Duration;
import java.util.List;

/**
 * Side A of the keyed aggregation, Baton: a source stage (schema accept) and a stage counting bids per auction with
 * {@code Batch.countOrTime(100, PT1S).keyedBy(auction)}, run bounded through the test kit like {@link BatonSide}: two
 * stage jobs, one after the other, as a Baton user writes it (a stage reads a stage; only a source reads a raw topic).
 *
 * <pre>{@code
 * Duration took = new BatonCountSide(driver).run(run);
 * }</pre>
 */
public final class BatonCountSide implements Side {
  private final PipelineTestDriver driver;

  public BatonCountSide(PipelineTestDriver driver) {
    this.driver = driver;
  }

  @Override
  public String label() {
    return "A baton";
  }

  @Override
  public String description() {
    return "Baton: source stage, then Batch.countOrTime(100, PT1S).keyedBy(auction) -> HotItem; bounded, two jobs";
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    CountPipeline pipeline = new CountPipeline("bench-" + run.runId(), run.input(), run.output());
    long start = System.nanoTime();
    driver.runBounded(pipeline, run.timeout());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Accepted bids of {@code input}, counted per auction in batches, to {@code output}. */
  record CountPipeline(String name, String input, String output) implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(name);
      Stage<Bid> bids = p.source("bids", Topic.of(input, Bid.class).accept(Accept.schema()));
      p.stage("count", bids, Batch.countOrTime(KeyedCount.BATCH, KeyedCount.MAX_WAIT).keyedBy(Bid::getAuction),
          BatonCountSide::count).outputTopic(output);
      return p;
    }
  }

  static HotItem count(Long auction, List<Bid> bids) {
    return KeyedCount.item(auction, bids.size());
  }
}
