package io.baton.bench.harness;

import io.baton.examples.nexmark.HighestBid;
import io.baton.schemas.nexmark.Bid;
import java.util.Comparator;
import java.util.Map;

/**
 * The Nexmark Q7 workload: the highest bid of every 10-second event-time window (ties: lowest auction, then lowest
 * bidder), as {@code (windowStart, windowEnd, auction, bidder, price)}. Known in advance from the input, so both
 * sides' outputs must be exactly that.
 *
 * <pre>{@code
 * OutputCheck check = NexmarkQ7.check(input);
 * }</pre>
 */
public final class NexmarkQ7 {
  static final long WINDOW_MILLIS = HighestBid.WINDOW.toMillis();
  private static final Comparator<Bid> HIGHEST_FIRST = Comparator.comparingLong(Bid::getPrice).reversed()
      .thenComparingLong(Bid::getAuction).thenComparingLong(Bid::getBidder);

  private NexmarkQ7() {}

  /** The start of the window a bid falls in, epoch milliseconds. */
  static long windowStart(Bid bid) {
    return Math.floorDiv(bid.getDateTime(), WINDOW_MILLIS) * WINDOW_MILLIS;
  }

  /** The higher of two bids of one window. */
  static Bid higher(Bid a, Bid b) {
    return HIGHEST_FIRST.compare(a, b) <= 0 ? a : b;
  }

  /** The output must be the highest bid of each window, once each (Avro bodies of {@code HighestBid}). */
  static OutputCheck check(BidInput.Input input) {
    ValueDigest expected = ValueDigest.EMPTY;
    for (Map.Entry<Long, Bid> e : input.highestPerWindow().entrySet()) {
      Bid best = e.getValue();
      io.baton.schemas.nexmark.HighestBid item = io.baton.schemas.nexmark.HighestBid.newBuilder()
          .setWindowStart(e.getKey()).setWindowEnd(e.getKey() + WINDOW_MILLIS)
          .setAuction(best.getAuction()).setBidder(best.getBidder()).setPrice(best.getPrice()).build();
      expected = expected.plus(FramedAvro.frame(0, FramedAvro.encode(item)));
    }
    return OutputCheck.sameValuesAs(expected);
  }
}
