package io.baton.bench.harness;

import io.baton.examples.nexmark.HotItems;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HottestItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Nexmark Q5 workload ("hot items"): for every sliding window of {@link HotItems#SIZE} that starts every
 * {@link HotItems#SLIDE} of event time (aligned to the epoch, as Flink's sliding windows and SQL's {@code HOP} are),
 * the auction(s) with the most bids, ties all kept, as {@code (windowStart, windowEnd, auction, bidCount)}. Counted
 * here in plain Java while the input is written ({@link Tally}), so both sides' outputs must be exactly that.
 *
 * <pre>{@code
 * NexmarkQ5.Tally tally = new NexmarkQ5.Tally();
 * bids.forEach(tally::add);
 * List<HottestItem> expected = tally.finish();
 * }</pre>
 */
public final class NexmarkQ5 {
  static final long SIZE_MILLIS = HotItems.SIZE.toMillis();
  static final long SLIDE_MILLIS = HotItems.SLIDE.toMillis();

  private NexmarkQ5() {}

  /**
   * Bids counted per window and auction, in the order they are written; a window is settled once a bid at or after
   * its end comes, so only the open windows are held (the generator's event time never goes back).
   */
  static final class Tally {
    private final TreeMap<Long, Map<Long, Long>> open = new TreeMap<>();
    private final List<HottestItem> settled = new ArrayList<>();
    private long newest = Long.MIN_VALUE;

    void add(Bid bid) {
      long t = bid.getDateTime();
      if (t < newest) {
        throw new IllegalStateException("bid at " + t + " after one at " + newest + ": the tally needs bids in"
            + " event-time order");
      }
      newest = t;
      while (!open.isEmpty() && open.firstKey() + SIZE_MILLIS <= t) {
        settle(open.pollFirstEntry());
      }
      for (long start = lastWindowStart(t); start > t - SIZE_MILLIS; start -= SLIDE_MILLIS) {
        open.computeIfAbsent(start, s -> new HashMap<>()).merge(bid.getAuction(), 1L, Long::sum);
      }
    }

    /** Every window's hottest auctions, the open windows settled too. */
    List<HottestItem> finish() {
      while (!open.isEmpty()) {
        settle(open.pollFirstEntry());
      }
      return List.copyOf(settled);
    }

    private void settle(Map.Entry<Long, Map<Long, Long>> window) {
      long most = window.getValue().values().stream().mapToLong(Long::longValue).max().orElseThrow();
      window.getValue().forEach((auction, count) -> {
        if (count == most) {
          settled.add(new HottestItem(window.getKey(), window.getKey() + SIZE_MILLIS, auction, count));
        }
      });
    }
  }

  /** The start of the latest window a bid at {@code t} falls in. */
  static long lastWindowStart(long t) {
    return Math.floorDiv(t, SLIDE_MILLIS) * SLIDE_MILLIS;
  }

  /** The output must be the hottest auctions of each window, once each (Avro bodies of {@code HottestItem}). */
  static OutputCheck check(BidInput.Input input) {
    ValueDigest expected = ValueDigest.EMPTY;
    for (HottestItem item : input.hottestPerWindow()) {
      expected = expected.plus(FramedAvro.frame(0, FramedAvro.encode(item)));
    }
    return OutputCheck.sameValuesAs(expected);
  }
}
