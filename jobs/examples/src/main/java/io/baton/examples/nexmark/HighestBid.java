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
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Nexmark "highest bid" (Q7): every 10 seconds of event time, the bid with the highest price of all
 * auctions, aggregated incrementally (the Avro output record shares this class's name, hence its full
 * name below).
 *
 * <pre>{@code
 * PipelineGraph graph = new HighestBid().define().build();
 * graph.stage("highest-bid").outputTopic();   // "nexmark-highest-bid.highest-bid"
 * }</pre>
 */
public final class HighestBid implements PipelineDefinition {

  public static final String PIPELINE = "nexmark-highest-bid";
  public static final String BIDS_TOPIC = "nexmark.bids";
  public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);
  public static final Duration WINDOW = Duration.ofSeconds(10);

  /** Highest price first; ties go to the lowest auction id, then the lowest bidder id. */
  static final Comparator<Bid> HIGHEST_FIRST = Comparator.comparingLong(Bid::getPrice).reversed()
      .thenComparingLong(Bid::getAuction)
      .thenComparingLong(Bid::getBidder);

  /**
   * The stage function, incremental: per window it keeps only the highest bid so far (null before the
   * first), never the window's bids.
   */
  public static final StageFunction<Bid, io.baton.schemas.nexmark.HighestBid> HIGHEST =
      Fn.aggregate(() -> (Bid) null, HighestBid::higher, HighestBid::higher, HighestBid::result);

  @Override
  public Pipeline define() {
    Pipeline p = Pipeline.named(PIPELINE);
    Stage<Bid> bids = p.source("bids",
        Topic.of(BIDS_TOPIC, Bid.class).eventTime(Bid::getDateTime, OUT_OF_ORDERNESS));
    p.stage("highest-bid", bids, Batch.every(WINDOW), HIGHEST);
    return p;
  }

  /** The higher of two bids by {@link #HIGHEST_FIRST}; either may be null (none yet). */
  static Bid higher(Bid a, Bid b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return HIGHEST_FIRST.compare(a, b) <= 0 ? a : b;
  }

  /** The output for one window's highest bid, or {@code null} (nothing emitted) for none. */
  static io.baton.schemas.nexmark.HighestBid result(Object unkeyed, BatchWindow window, Bid best) {
    if (best == null) {
      return null;
    }
    return io.baton.schemas.nexmark.HighestBid.newBuilder()
        .setWindowStart(window.start())
        .setWindowEnd(window.end())
        .setAuction(best.getAuction())
        .setBidder(best.getBidder())
        .setPrice(best.getPrice())
        .build();
  }

  /**
   * The highest bid of one window's bids all at once, or {@code null} for none: what {@link #HIGHEST} gives
   * for them. The window is the 10-second span, aligned to the epoch as Flink's tumbling windows are, that
   * holds the earliest bid.
   */
  public static io.baton.schemas.nexmark.HighestBid of(Object unkeyed, List<Bid> bids) {
    if (bids.isEmpty()) {
      return null;
    }
    long size = WINDOW.toMillis();
    long start = Math.floorDiv(bids.stream().mapToLong(Bid::getDateTime).min().getAsLong(), size) * size;
    Bid best = null;
    for (Bid b : bids) {
      best = higher(best, b);
    }
    return result(unkeyed, new BatchWindow(start, start + size), best);
  }
}
