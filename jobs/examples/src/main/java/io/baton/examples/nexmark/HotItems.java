package io.baton.examples.nexmark;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.Fn;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import java.time.Duration;
import java.util.List;

/**
 * Nexmark "hot items": how many bids each auction got in windows of 10 seconds that start every
 * 2 seconds of event time. One record per auction and window.
 *
 * <p>{@link #count} is a per-window function: it gets the window the bids fell in, so each record
 * names its exact window.
 *
 * <pre>{@code
 * PipelineGraph graph = new HotItems().define().build();
 * graph.stage("hot-items").batch();   // Batch.sliding(PT10S, PT2S) keyedBy auction
 * }</pre>
 */
public final class HotItems implements PipelineDefinition {

  public static final String PIPELINE = "nexmark-hot-items";
  public static final String BIDS_TOPIC = HighestBid.BIDS_TOPIC;
  public static final Duration OUT_OF_ORDERNESS = HighestBid.OUT_OF_ORDERNESS;
  public static final Duration SIZE = Duration.ofSeconds(10);
  public static final Duration SLIDE = Duration.ofSeconds(2);

  @Override
  public Pipeline define() {
    Pipeline p = Pipeline.named(PIPELINE);
    Stage<Bid> bids = p.source("bids",
        Topic.of(BIDS_TOPIC, Bid.class).eventTime(Bid::getDateTime, OUT_OF_ORDERNESS));
    p.stage("hot-items", bids, Batch.sliding(SIZE, SLIDE).keyedBy(Bid::getAuction), Fn.perWindow(HotItems::count));
    return p;
  }

  /** The bid count of one auction in one window, or {@code null} (nothing emitted) for no bids. */
  public static HotItem count(Long auction, BatchWindow window, List<Bid> bids) {
    if (bids.isEmpty()) {
      return null;
    }
    return HotItem.newBuilder()
        .setWindowStart(window.start())
        .setWindowEnd(window.end())
        .setAuction(auction)
        .setBidCount(bids.size())
        .build();
  }
}
