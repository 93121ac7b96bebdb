package io.baton.examples.nexmark;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.schemas.nexmark.Bid;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Nexmark "highest bid": every 10 seconds of event time, the bid with the highest price of all
 * auctions (the Avro output record shares this class's name, hence its full name below).
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

  @Override
  public Pipeline define() {
    Pipeline p = Pipeline.named(PIPELINE);
    Stage<Bid> bids = p.source("bids",
        Topic.of(BIDS_TOPIC, Bid.class).eventTime(Bid::getDateTime, OUT_OF_ORDERNESS));
    p.stage("highest-bid", bids, Batch.every(WINDOW), HighestBid::of);
    return p;
  }

  /**
   * The highest bid of one window's bids, or {@code null} (nothing emitted) for none. The stage is
   * not keyed, so {@code unkeyed} is always null. The window is the 10-second span, aligned to the
   * epoch as Flink's tumbling windows are, that holds the earliest bid: with {@link #WINDOW}-sized
   * tumbling windows all bids of a batch lie in it.
   */
  public static io.baton.schemas.nexmark.HighestBid of(Object unkeyed, List<Bid> bids) {
    if (bids.isEmpty()) {
      return null;
    }
    long size = WINDOW.toMillis();
    long earliest = bids.stream().mapToLong(Bid::getDateTime).min().getAsLong();
    long start = Math.floorDiv(earliest, size) * size;
    Bid best = bids.stream().min(HIGHEST_FIRST).orElseThrow();
    return io.baton.schemas.nexmark.HighestBid.newBuilder()
        .setWindowStart(start)
        .setWindowEnd(start + size)
        .setAuction(best.getAuction())
        .setBidder(best.getBidder())
        .setPrice(best.getPrice())
        .build();
  }
}
