package io.baton.examples.nexmark;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import java.time.Duration;
import java.util.List;

/**
 * Nexmark "hot items": how many bids each auction got in windows of 10 seconds that start every
 * 2 seconds of event time. One record per auction and window.
 *
 * <p>A per-batch function sees the window's bids but not the window itself, and with sliding
 * windows one bid lies in five of them. {@link #count} therefore reports the <em>earliest</em>
 * window that holds all the batch's bids: {@code windowEnd} is the first multiple of the slide
 * after the newest bid, {@code windowStart = windowEnd - size}. While an auction gets bids in
 * every slide (a busy stream) that is the true window. When an auction's bids all sit in the last
 * slides of a window, the following windows hold the same bids and report the same bounds and
 * count: readers should treat (auction, windowStart) as the identity and ignore repeats.
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
    p.stage("hot-items", bids, Batch.sliding(SIZE, SLIDE).keyedBy(Bid::getAuction), Fn.perBatch(HotItems::count));
    return p;
  }

  /** The bid count of one auction in one window, or {@code null} (nothing emitted) for no bids. */
  public static HotItem count(Long auction, List<Bid> bids) {
    if (bids.isEmpty()) {
      return null;
    }
    long slide = SLIDE.toMillis();
    long newest = bids.stream().mapToLong(Bid::getDateTime).max().getAsLong();
    // Windows end on multiples of the slide and exclude their end, so round strictly up.
    long end = Math.floorDiv(newest, slide) * slide + slide;
    return HotItem.newBuilder()
        .setWindowStart(end - SIZE.toMillis())
        .setWindowEnd(end)
        .setAuction(auction)
        .setBidCount(bids.size())
        .build();
  }
}
