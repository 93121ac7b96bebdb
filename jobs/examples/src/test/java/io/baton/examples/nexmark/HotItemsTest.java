package io.baton.examples.nexmark;

import static io.baton.examples.nexmark.HighestBidTest.bid;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.PipelineGraph;
import io.baton.api.StageSpec;
import io.baton.api.batch.Sliding;
import io.baton.api.fn.StageFunction;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HotItemsTest {

  /** A multiple of 10 s (and so of the 2 s slide). */
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void buildsASourceAndOneSlidingStageKeyedByAuction() {
    PipelineGraph graph = new HotItems().define().build();

    assertThat(graph.name()).isEqualTo("nexmark-hot-items");
    assertThat(graph.levels()).containsExactly(List.of("bids"), List.of("hot-items"));
    assertThat(graph.stage("bids").inputTopics()).containsExactly("nexmark.bids");
    assertThat(graph.stage("bids").eventTime()).get()
        .satisfies(t -> assertThat(t.outOfOrderness()).isEqualTo(Duration.ofSeconds(2)));
    StageSpec hot = graph.stage("hot-items");
    assertThat(hot.batch()).isInstanceOf(Sliding.class).hasToString("Batch.sliding(PT10S, PT2S) keyedBy auction");
    assertThat(((Sliding) hot.batch()).size()).isEqualTo(Duration.ofSeconds(10));
    assertThat(((Sliding) hot.batch()).slide()).isEqualTo(Duration.ofSeconds(2));
    assertThat(hot.outputClass()).isEqualTo(HotItem.class);
    assertThat(hot.outputTopic()).isEqualTo("nexmark-hot-items.hot-items");
    assertThat(hot.function()).get().isInstanceOf(StageFunction.PerBatch.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void stageRunsTheCountFunction() throws Exception {
    var fn = (StageFunction.PerBatch<Long, Bid, HotItem>)
        new HotItems().define().build().stage("hot-items").function().orElseThrow();

    assertThat(fn.fn().apply(1_001L, List.of(bid(1_001, 1, 5, T0 + 9_000))))
        .isEqualTo(new HotItem(T0, T0 + 10_000, 1_001L, 1L));
  }

  @Test
  void countsTheBidsOfOneAuctionInTheWindowEndingAfterTheNewest() {
    List<Bid> bids = List.of(
        bid(1_001, 7, 10, T0 + 1_000),
        bid(1_001, 8, 20, T0 + 9_999),
        bid(1_001, 7, 30, T0 + 3_500));

    assertThat(HotItems.count(1_001L, bids)).isEqualTo(new HotItem(T0, T0 + 10_000, 1_001L, 3L));
  }

  @Test
  void newestBidOnASlideBoundaryOpensTheNextSlide() {
    List<Bid> bids = List.of(bid(1_002, 7, 10, T0 + 2_000), bid(1_002, 7, 10, T0 + 10_000));

    assertThat(HotItems.count(1_002L, bids)).isEqualTo(new HotItem(T0 + 2_000, T0 + 12_000, 1_002L, 2L));
  }

  @Test
  void sparseBidsReportTheEarliestWindowHoldingThem() {
    // One bid at T0+1s lies in five windows; each reports [T0-8s, T0+2s), the earliest of them.
    HotItem item = HotItems.count(1_003L, List.of(bid(1_003, 7, 10, T0 + 1_000)));

    assertThat(item).isEqualTo(new HotItem(T0 - 8_000, T0 + 2_000, 1_003L, 1L));
  }

  @Test
  void emptyWindowEmitsNothing() {
    assertThat(HotItems.count(1L, List.of())).isNull();
  }

  @Test
  void generatedBidsGetBoundsThatHoldThemAndTheTrueWindowWhenTheLastSlideHasBids() {
    // Assigns bids to sliding windows as Flink does, then compares what count(..) reports.
    NexmarkGenerator gen = NexmarkGenerator.builder().seed(5).startAt(T0 + 777).eventsPerSecond(200).build();
    Map<String, List<Bid>> windows = new TreeMap<>();
    Map<String, Long> trueStart = new TreeMap<>();
    gen.events().limit(10_000).map(NexmarkEvent::record).filter(Bid.class::isInstance).map(Bid.class::cast)
        .forEach(b -> {
          long last = Math.floorDiv(b.getDateTime(), 2_000L) * 2_000L;
          for (long start = last; start > b.getDateTime() - 10_000; start -= 2_000) {
            String key = b.getAuction() + "@" + start;
            windows.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
            trueStart.put(key, start);
          }
        });

    int exact = 0;
    for (Map.Entry<String, List<Bid>> w : windows.entrySet()) {
      List<Bid> bids = w.getValue();
      long start = trueStart.get(w.getKey());
      HotItem item = HotItems.count(bids.get(0).getAuction(), bids);
      long oldest = bids.stream().mapToLong(Bid::getDateTime).min().getAsLong();
      long newest = bids.stream().mapToLong(Bid::getDateTime).max().getAsLong();
      assertThat(item.getBidCount()).isEqualTo(bids.size());
      assertThat(item.getWindowEnd() - item.getWindowStart()).isEqualTo(10_000);
      assertThat(item.getWindowStart()).isLessThanOrEqualTo(oldest).isLessThanOrEqualTo(start);
      assertThat(item.getWindowEnd()).isGreaterThan(newest);
      if (newest >= start + 8_000) {
        assertThat(item.getWindowStart()).isEqualTo(start);
        exact++;
      }
    }
    assertThat(exact).isGreaterThan(windows.size() / 4);
  }
}
