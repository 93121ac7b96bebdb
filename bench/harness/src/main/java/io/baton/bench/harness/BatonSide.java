package io.baton.bench.harness;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.Fn;
import io.baton.api.fn.StageFunction;
import io.baton.examples.nexmark.HighestBid;
import io.baton.examples.nexmark.HotItems;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import io.baton.schemas.nexmark.HottestItem;
import io.baton.testing.PipelineTestDriver;
import java.io.Serializable;
import java.time.Duration;

/**
 * Side A, Baton: a pipeline on the harness's topics run bounded through the test kit,
 * {@link PipelineTestDriver#runBounded}: the deploy step's checks, topics and subjects, then the stage jobs on the
 * driver's Flink MiniCluster in BATCH mode, group after group. The clock covers all of it. One side per workload:
 * {@link #passThrough}, {@link #keyedCount}, {@link #q7}, {@link #q5}; and side N, the pass-through with record
 * lineage off ({@link #passThroughWithoutLineage}), {@code .lineage(false)} on its one stage.
 *
 * <pre>{@code
 * Duration took = BatonSide.passThrough(driver).run(run);
 * }</pre>
 */
public final class BatonSide implements Side {
  /** The workload's pipeline, named for one run, on that run's topics. */
  interface PipelineOf {
    PipelineDefinition of(String name, String input, String output);
  }

  /** A change to the pass-through's one stage. */
  interface StageChange extends Serializable {
    Stage<Bid> apply(Stage<Bid> copy);
  }


  private final PipelineTestDriver driver;
  private final String label;
  private final String description;
  private final PipelineOf pipeline;

  private BatonSide(PipelineTestDriver driver, String label, String description, PipelineOf pipeline) {
    this.driver = driver;
    this.label = label;
    this.description = description;
    this.pipeline = pipeline;
  }

  private BatonSide(PipelineTestDriver driver, String description, PipelineOf pipeline) {
    this(driver, "A baton", description, pipeline);
  }

  /** One pass-through stage: a source stage ({@code Batch.each()}, schema accept, identity, exactly-once). */
  public static BatonSide passThrough(PipelineTestDriver driver) {
    return new BatonSide(driver,
        "Baton source stage (Batch.each, Accept.schema, identity, exactly-once), bounded, test kit MiniCluster",
        (name, input, output) -> new PassThrough(name, input, output, copy -> copy));
  }

  /** Side N: {@link #passThrough} with record lineage off ({@code Stage.lineage(false)}), so A / N is what lineage costs. */
  public static BatonSide passThroughWithoutLineage(PipelineTestDriver driver) {
    return new BatonSide(driver, "N nolineage",
        "Baton as A, with record lineage (provenance headers) off on the stage",
        (name, input, output) -> new PassThrough(name, input, output, copy -> copy.lineage(false)));
  }

  /** A source stage, then bids counted per auction in {@code countOrTime} batches: two jobs. */
  public static BatonSide keyedCount(PipelineTestDriver driver) {
    return new BatonSide(driver,
        "Baton: source stage, then Batch.countOrTime(100, PT1S).keyedBy(auction) -> HotItem; bounded, two jobs",
        CountPipeline::new);
  }

  /** The example {@code nexmark-highest-bid} pipeline (event time, {@code Batch.every(10 s)}, {@link HighestBid#HIGHEST}, an incremental aggregate). */
  public static BatonSide q7(PipelineTestDriver driver) {
    return new BatonSide(driver,
        "Baton nexmark-highest-bid (source stage with event time, Batch.every(PT10S), HighestBid.HIGHEST aggregate), bounded",
        Q7::new);
  }

  /**
   * The example {@code nexmark-hot-items} pipeline: bids with event time, counted per auction in
   * {@code Batch.sliding(10 s, 2 s)}, then the hottest auctions of each window ({@link HotItems#PER_WINDOW},
   * {@link HotItems#hottest}): three stage jobs.
   */
  public static BatonSide q5(PipelineTestDriver driver) {
    return new BatonSide(driver,
        "Baton nexmark-hot-items (source stage with event time, Batch.sliding(PT10S, PT2S) by auction -> counts,"
            + " Batch.every(PT2S) by windowEnd -> hottest), bounded, three jobs",
        Q5::new);
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    PipelineDefinition definition = pipeline.of("bench-" + run.runId(), run.input(), run.output());
    long start = System.nanoTime();
    driver.runBounded(definition, run.timeout());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The pass-through pipeline: every accepted bid of {@code input} goes on to {@code output} as it is. */
  record PassThrough(String name, String input, String output, StageChange change) implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(name);
      change.apply(p.source("copy", Topic.of(input, Bid.class).accept(Accept.schema()))).outputTopic(output);
      return p;
    }
  }

  /** Accepted bids of {@code input}, counted per auction in batches, to {@code output}. */
  record CountPipeline(String name, String input, String output) implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(name);
      Stage<Bid> bids = p.source("bids", Topic.of(input, Bid.class).accept(Accept.schema()));
      p.stage("count", bids, Batch.countOrTime(KeyedCount.BATCH, KeyedCount.MAX_WAIT).keyedBy(Bid::getAuction),
          COUNT).outputTopic(output);
      return p;
    }
  }

  /** The example's Q7 pipeline with the harness's topic names, so every run has its own groups and output. */
  record Q7(String name, String input, String output) implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(name);
      Stage<Bid> bids = p.source("bids",
          Topic.of(input, Bid.class).eventTime(Bid::getDateTime, HighestBid.OUT_OF_ORDERNESS));
      p.stage("highest-bid", bids, Batch.every(HighestBid.WINDOW), HighestBid.HIGHEST).outputTopic(output);
      return p;
    }
  }

  /** The example's Q5 pipeline ({@link HotItems}) with the harness's topic names. */
  record Q5(String name, String input, String output) implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(name);
      Stage<Bid> bids = p.source("bids",
          Topic.of(input, Bid.class).eventTime(Bid::getDateTime, HotItems.OUT_OF_ORDERNESS));
      Stage<HotItem> counts = p.stage("hot-items", bids,
          Batch.sliding(HotItems.SIZE, HotItems.SLIDE).keyedBy(Bid::getAuction), HotItems.COUNTS);
      p.stage("hottest", counts, HotItems.PER_WINDOW, Fn.perBatchFlat(HotItems::hottest))
          .produces(HottestItem.class).outputTopic(output);
      return p;
    }
  }

  /** A count is the natural incremental aggregate: one long per auction and batch, no bids kept. */
  static final StageFunction<Bid, HotItem> COUNT = Fn.aggregate(() -> 0L, (Long n, Bid b) -> n + 1, Long::sum,
      (Long auction, BatchWindow w, Long n) -> KeyedCount.item(auction, n));
}
