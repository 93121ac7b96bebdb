package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.examples.nexmark.HighestBid;
import io.baton.examples.nexmark.HotItems;
import io.baton.examples.nexmark.NexmarkEvent;
import io.baton.examples.nexmark.NexmarkGenerator;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import io.baton.schemas.nexmark.HottestItem;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Nexmark example queries on generated bids, checked against the same answers computed in plain Java. */
class NexmarkIT {
  private static final long T0 = 1_700_000_000_000L;
  private static List<Bid> bids;

  @BeforeAll
  static void pipeBids() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    bids = NexmarkGenerator.builder().seed(7).startAt(T0 + 123).eventsPerSecond(100).build().events().limit(3_000)
        .filter(e -> e.kind() == NexmarkEvent.Kind.BID).map(e -> (Bid) e.record()).toList();
    for (Bid b : bids) {
      driver.pipe(HighestBid.BIDS_TOPIC, b, b.getDateTime());
    }
  }

  @Test
  void highestBidPerTumblingWindow() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    driver.runBounded(new HighestBid(), Duration.ofMinutes(2));
    Comparator<Bid> highestFirst = Comparator.comparingLong(Bid::getPrice).reversed()
        .thenComparingLong(Bid::getAuction).thenComparingLong(Bid::getBidder);
    Map<Long, Bid> expected = bids.stream().collect(Collectors.groupingBy(
        b -> Math.floorDiv(b.getDateTime(), 10_000L) * 10_000L, TreeMap::new,
        Collectors.collectingAndThen(Collectors.minBy(highestFirst), o -> o.orElseThrow())));
    List<String> actual = driver.readAll("nexmark-highest-bid.highest-bid", io.baton.schemas.nexmark.HighestBid.class)
        .stream().map(h -> h.getWindowStart() + ":" + h.getAuction() + ":" + h.getBidder() + ":" + h.getPrice())
        .sorted().toList();
    assertThat(actual).containsExactlyElementsOf(expected.entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue().getAuction() + ":" + e.getValue().getBidder() + ":" + e.getValue().getPrice())
        .sorted().toList());
  }

  @Test
  void hotItemsCountBidsPerAuctionInEverySlidingWindowThenKeepTheHottest() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    driver.runBounded(new HotItems(), Duration.ofMinutes(2));
    Map<String, Long> expected = new TreeMap<>();
    for (Bid b : bids) {
      long last = Math.floorDiv(b.getDateTime(), 2_000L) * 2_000L;
      for (long start = last; start > b.getDateTime() - 10_000; start -= 2_000) {
        expected.merge(b.getAuction() + "@" + start, 1L, Long::sum);
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    for (HotItem h : driver.readAll("nexmark-hot-items.hot-items", HotItem.class)) {
      assertThat(h.getWindowEnd() - h.getWindowStart()).isEqualTo(10_000);
      assertThat(actual.put(h.getAuction() + "@" + h.getWindowStart(), h.getBidCount())).as("one record per window").isNull();
    }
    assertThat(actual).isEqualTo(expected);

    Map<Long, Long> most = new TreeMap<>();
    expected.forEach((auctionAtStart, count) ->
        most.merge(Long.parseLong(auctionAtStart.substring(auctionAtStart.indexOf('@') + 1)), count, Math::max));
    List<String> hottest = expected.entrySet().stream()
        .filter(e -> e.getValue().equals(most.get(Long.parseLong(e.getKey().substring(e.getKey().indexOf('@') + 1)))))
        .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
    List<String> actualHottest = driver.readAll("nexmark-hot-items.hottest", HottestItem.class).stream()
        .peek(h -> assertThat(h.getWindowEnd() - h.getWindowStart()).isEqualTo(10_000))
        .map(h -> h.getAuction() + "@" + h.getWindowStart() + "=" + h.getBidCount()).sorted().toList();
    assertThat(actualHottest).as("every window's auctions with the most bids, ties kept").isNotEmpty()
        .containsExactlyElementsOf(hottest);
  }
}
