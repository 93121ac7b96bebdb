package io.baton.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HottestItem;
import org.junit.jupiter.api.Test;

class NexmarkQ5Test {
  /** A multiple of 10 s. */
  private static final long T0 = 1_767_225_600_000L;

  private static Bid bid(long auction, long at) {
    return new Bid(auction, 1L, 100L, "web", "u", at, "");
  }

  @Test
  void everyWindowKeepsAllItsTiedAuctions() {
    NexmarkQ5.Tally tally = new NexmarkQ5.Tally();
    tally.add(bid(1, T0));
    tally.add(bid(2, T0 + 500));
    tally.add(bid(2, T0 + 2_500));

    // A bid at T0 lies in the windows starting T0-8s .. T0; one at T0+2.5s in those starting T0-6s .. T0+2s.
    assertThat(tally.finish()).containsExactlyInAnyOrder(
        new HottestItem(T0 - 8_000, T0 + 2_000, 1L, 1L), new HottestItem(T0 - 8_000, T0 + 2_000, 2L, 1L),
        new HottestItem(T0 - 6_000, T0 + 4_000, 2L, 2L),
        new HottestItem(T0 - 4_000, T0 + 6_000, 2L, 2L),
        new HottestItem(T0 - 2_000, T0 + 8_000, 2L, 2L),
        new HottestItem(T0, T0 + 10_000, 2L, 2L),
        new HottestItem(T0 + 2_000, T0 + 12_000, 2L, 1L));
  }

  @Test
  void aWindowIsSettledOnceABidPassesItsEnd() {
    NexmarkQ5.Tally tally = new NexmarkQ5.Tally();
    tally.add(bid(1, T0));
    tally.add(bid(2, T0 + 10_000));

    assertThat(tally.finish()).filteredOn(h -> h.getWindowStart() == T0)
        .containsExactly(new HottestItem(T0, T0 + 10_000, 1L, 1L));
  }

  @Test
  void bidsOutOfEventTimeOrderAreRefused() {
    NexmarkQ5.Tally tally = new NexmarkQ5.Tally();
    tally.add(bid(1, T0 + 1_000));
    assertThatThrownBy(() -> tally.add(bid(1, T0))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("event-time order");
  }
}
