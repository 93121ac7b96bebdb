package io.baton.api.fn;

import java.io.Serializable;

/**
 * The span of event time one released batch covers: for a time window its bounds (start
 * inclusive, end exclusive); for a count, count-or-time or bytes batch, from its earliest record's
 * time to just after its newest.
 *
 * <pre>{@code
 * Fn.perWindow((Long auction, BatchWindow w, List<Bid> bids) -> new HotItem(w.start(), w.end(), auction, bids.size()))
 * }</pre>
 */
public record BatchWindow(long start, long end) implements Serializable {
  public BatchWindow {
    if (end < start) {
      throw new IllegalArgumentException("window end " + end + " is before its start " + start);
    }
  }
}
