package io.baton.examples.nexmark;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.Fn;
import io.baton.api.fn.StageFunction;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import io.baton.schemas.nexmark.HottestItem;
import java.time.Duration;
import java.util.List;

/**
 * Nexmark "hot items" (query 5): how many bids each auction got in windows of 10 seconds that start
 * every 2 seconds of event time (stage {@code hot-items}, one record per auction and window), then
 * the auction with the most bids in each window (stage {@code hottest}, tied auctions all kept).
 *
 * <p>{@link #COUNTS} counts incrementally ({@code Fn.aggregate}: one number per auction and window, no
 * bids kept) and gets the window the bids fell in, so each record names its exact window. Its output carries the window's last millisecond as its time, so the
 * counts of one window fall into one {@link #SLIDE}-long tumbling window of the next stage; keyed
 * by the window's end as well, a bounded run holds one window's counts at a time.
 *
 * <pre>{@code
 * PipelineGraph graph = new HotItems().define().build();
 * graph.stage("hot-items").batch();   // Batch.sliding(PT10S, PT2S) keyedBy auction
 * graph.stage("hottest").batch();     // Batch.every(PT2S) keyedBy windowEnd
 * }</pre>
 */
public final class HotItems implements PipelineDefinition {

  public static final String PIPELINE = "nexmark-hot-items";
  public static final String BIDS_TOPIC = HighestBid.BIDS_TOPIC;
  public static final Duration OUT_OF_ORDERNESS = HighestBid.OUT_OF_ORDERNESS;
  public static final Duration SIZE = Duration.ofSeconds(10);
  public static final Duration SLIDE = Duration.ofSeconds(2);
  /** All counts of one sliding window together: one key per window, the window's end. */
  public static final Batch PER_WINDOW = Batch.every(SLIDE).keyedBy(HotItem::getWindowEnd);
  /** One auction's bids in one window, counted as they come: what {@link #count} gives for them all at once. */
  public static final StageFunction<Bid, HotItem> COUNTS =
      Fn.aggregate(() -> 0L, (Long n, Bid bid) -> n + 1, Long::sum, HotItems::counted);

  @Override
  public Pipeline define() {
    Pipeline p = Pipeline.named(PIPELINE);
    Stage<Bid> bids = p.source("bids",
        Topic.of(BIDS_TOPIC, Bid.class).eventTime(Bid::getDateTime, OUT_OF_ORDERNESS));
    Stage<HotItem> counts = p.stage("hot-items", bids, Batch.sliding(SIZE, SLIDE).keyedBy(Bid::getAuction),
        COUNTS);
    p.stage("hottest", counts, PER_WINDOW, Fn.perBatchFlat(HotItems::hottest)).produces(HottestItem.class);
    return p;
  }

  /** The bid count of one auction in one window, or {@code null} (nothing emitted) for no bids. */
  public static HotItem count(Long auction, BatchWindow window, List<Bid> bids) {
    return counted(auction, window, (long) bids.size());
  }

  /** The record for {@code bids} bids of one auction in one window, or {@code null} for none. */
  static HotItem counted(Long auction, BatchWindow window, Long bids) {
    if (bids == 0) {
      return null;
    }
    return HotItem.newBuilder()
        .setWindowStart(window.start())
        .setWindowEnd(window.end())
        .setAuction(auction)
        .setBidCount(bids)
        .build();
  }

  /** The auctions with the most bids among one window's counts (all of them on a tie); none for no counts. */
  public static List<HottestItem> hottest(Long windowEnd, List<HotItem> counts) {
    long most = counts.stream().mapToLong(HotItem::getBidCount).max().orElse(0);
    return counts.stream().filter(c -> c.getBidCount() == most)
        .map(c -> new HottestItem(c.getWindowStart(), c.getWindowEnd(), c.getAuction(), c.getBidCount()))
        .toList();
  }
}
