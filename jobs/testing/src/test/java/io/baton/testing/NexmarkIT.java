package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
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

    List<String> actualHottest = driver.readAll("nexmark-hot-items.hottest", HottestItem.class).stream()
        .map(NexmarkIT::text).sorted().toList();
    assertThat(actualHottest).as("every window's auctions with the most bids, ties kept").isNotEmpty()
        .containsExactlyElementsOf(hottest(bids).stream().map(NexmarkIT::text).sorted().toList());
  }

  @Test
  void hottestItemsStreamingAreTheWindowsTheWatermarksClose() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    String name = "q5-streaming";
    for (Bid b : bids) {
      driver.pipe(name + ".in", b, b.getDateTime());
    }
    // The counts stage closes windows ending by the last bid less the out-of-orderness (2 s); the hottest stage sees
    // counts stamped with their window's last millisecond and, 2 s behind them, closes those ending 4 s before.
    long lastCounted = Math.floorDiv(bids.get(bids.size() - 1).getDateTime() - 2_000, 2_000L) * 2_000;
    long lastClosed = lastCounted - 4_000;
    List<String> expected = hottest(bids).stream()
        .filter(h -> h.getWindowEnd() <= lastClosed).map(NexmarkIT::text).sorted().toList();

    try (RunningPipeline run = driver.start(streamingHotItems(name))) {
      List<HottestItem> out = driver.read(name + ".hottest", HottestItem.class, expected.size(), Duration.ofMinutes(2));
      assertThat(out.subList(0, expected.size()).stream().map(NexmarkIT::text).sorted().toList())
          .as("the first windows, in order of their end").containsExactlyElementsOf(expected);
    }
  }

  /** The example's Q5 stages on topics of their own, so the streaming run shares nothing with the bounded ones. */
  private static PipelineDefinition streamingHotItems(String name) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Bid> in = p.source("bids",
          Topic.of(name + ".in", Bid.class).eventTime(Bid::getDateTime, HotItems.OUT_OF_ORDERNESS));
      Stage<HotItem> counts = p.stage("hot-items", in,
          Batch.sliding(HotItems.SIZE, HotItems.SLIDE).keyedBy(Bid::getAuction), Fn.perWindow(HotItems::count));
      p.stage("hottest", counts, HotItems.PER_WINDOW, Fn.perBatchFlat(HotItems::hottest))
          .produces(HottestItem.class).outputTopic(name + ".hottest");
      return p;
    };
  }

  /** Every window's auctions with the most bids, counted here in plain Java. */
  private static List<HottestItem> hottest(List<Bid> bids) {
    Map<Long, Map<Long, Long>> counts = new TreeMap<>();
    for (Bid b : bids) {
      for (long start = Math.floorDiv(b.getDateTime(), 2_000L) * 2_000; start > b.getDateTime() - 10_000; start -= 2_000) {
        counts.computeIfAbsent(start, s -> new TreeMap<>()).merge(b.getAuction(), 1L, Long::sum);
      }
    }
    return counts.entrySet().stream().flatMap(w -> {
      long most = w.getValue().values().stream().mapToLong(Long::longValue).max().orElseThrow();
      return w.getValue().entrySet().stream().filter(c -> c.getValue() == most)
          .map(c -> new HottestItem(w.getKey(), w.getKey() + 10_000, c.getKey(), c.getValue()));
    }).toList();
  }

  private static String text(HottestItem h) {
    return h.getAuction() + "@" + h.getWindowStart() + "-" + h.getWindowEnd() + "=" + h.getBidCount();
  }
}
