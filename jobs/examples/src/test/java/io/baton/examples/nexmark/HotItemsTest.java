package io.baton.examples.nexmark;

import static io.baton.examples.nexmark.HighestBidTest.bid;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;
import io.baton.api.batch.Every;
import io.baton.api.batch.Sliding;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.StageFunction;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import io.baton.schemas.nexmark.HottestItem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotItemsTest {

  /** A multiple of 10 s (and so of the 2 s slide). */
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void buildsASourceASlidingCountKeyedByAuctionAndAPerWindowStage() {
    PipelineGraph graph = new HotItems().define().build();

    assertThat(graph.name()).isEqualTo("nexmark-hot-items");
    assertThat(graph.levels()).containsExactly(List.of("bids"), List.of("hot-items"), List.of("hottest"));
    assertThat(graph.stage("bids").inputTopics()).containsExactly("nexmark.bids");
    assertThat(graph.stage("bids").eventTime()).get()
        .satisfies(t -> assertThat(t.outOfOrderness()).isEqualTo(Duration.ofSeconds(2)));
    StageSpec hot = graph.stage("hot-items");
    assertThat(hot.batch()).isInstanceOf(Sliding.class).hasToString("Batch.sliding(PT10S, PT2S) keyedBy auction");
    assertThat(((Sliding) hot.batch()).size()).isEqualTo(Duration.ofSeconds(10));
    assertThat(((Sliding) hot.batch()).slide()).isEqualTo(Duration.ofSeconds(2));
    assertThat(hot.outputClass()).isEqualTo(HotItem.class);
    assertThat(hot.outputTopic()).isEqualTo("nexmark-hot-items.hot-items");
    assertThat(hot.function()).get().isInstanceOf(StageFunction.Aggregate.class);
    StageSpec hottest = graph.stage("hottest");
    assertThat(hottest.inputs()).containsExactly("hot-items");
    assertThat(hottest.batch()).isInstanceOf(Every.class).hasToString("Batch.every(PT2S) keyedBy windowEnd");
    assertThat(hottest.eventTime()).as("event time from the counts' Kafka timestamps").isPresent();
    assertThat(hottest.outputClass()).isEqualTo(HottestItem.class);
    assertThat(hottest.outputTopic()).isEqualTo("nexmark-hot-items.hottest");
    assertThat(hottest.function()).get().isInstanceOf(StageFunction.PerBatchFlat.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void hottestStageRunsTheHottestFunction() throws Exception {
    var fn = (StageFunction.PerBatchFlat<Long, HotItem, HottestItem>)
        new HotItems().define().build().stage("hottest").function().orElseThrow();

    assertThat(fn.fn().apply(T0 + 10_000, List.of(new HotItem(T0, T0 + 10_000, 1_001L, 4L))))
        .containsExactly(new HottestItem(T0, T0 + 10_000, 1_001L, 4L));
  }

  @Test
  void hottestKeepsTheAuctionWithTheMostBids() {
    List<HotItem> counts = List.of(
        new HotItem(T0, T0 + 10_000, 1_001L, 3L),
        new HotItem(T0, T0 + 10_000, 1_002L, 7L),
        new HotItem(T0, T0 + 10_000, 1_003L, 5L));

    assertThat(HotItems.hottest(T0 + 10_000, counts)).containsExactly(new HottestItem(T0, T0 + 10_000, 1_002L, 7L));
  }

  @Test
  void hottestKeepsEveryTiedAuction() {
    List<HotItem> counts = List.of(
        new HotItem(T0, T0 + 10_000, 1_001L, 7L),
        new HotItem(T0, T0 + 10_000, 1_002L, 2L),
        new HotItem(T0, T0 + 10_000, 1_003L, 7L));

    assertThat(HotItems.hottest(T0 + 10_000, counts)).containsExactly(
        new HottestItem(T0, T0 + 10_000, 1_001L, 7L), new HottestItem(T0, T0 + 10_000, 1_003L, 7L));
  }

  @Test
  void hottestOfNoCountsIsNothing() {
    assertThat(HotItems.hottest(T0 + 10_000, List.of())).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void stageCountsIncrementallyAsCountDoesAllAtOnce() throws Exception {
    var fn = (StageFunction.Aggregate<Long, Bid, Long, HotItem>)
        new HotItems().define().build().stage("hot-items").function().orElseThrow();
    var agg = fn.aggregation();
    List<Bid> bids = List.of(bid(1_001, 1, 5, T0 + 9_000), bid(1_001, 2, 6, T0 + 1_000), bid(1_001, 3, 7, T0 + 4_000));

    Long firstTwo = agg.add(agg.add(agg.createAccumulator(), bids.get(0)), bids.get(1));
    Long last = agg.add(agg.createAccumulator(), bids.get(2));
    BatchWindow window = new BatchWindow(T0, T0 + 10_000);
    assertThat(agg.result(1_001L, window, agg.merge(firstTwo, last))).isEqualTo(HotItems.count(1_001L, window, bids))
        .isEqualTo(new HotItem(T0, T0 + 10_000, 1_001L, 3L));
    assertThat(agg.result(1_001L, window, agg.createAccumulator())).isNull();
  }

  @Test
  void countsTheBidsOfOneAuctionInItsWindow() {
    List<Bid> bids = List.of(
        bid(1_001, 7, 10, T0 + 1_000),
        bid(1_001, 8, 20, T0 + 9_999),
        bid(1_001, 7, 30, T0 + 3_500));

    assertThat(HotItems.count(1_001L, new BatchWindow(T0, T0 + 10_000), bids))
        .isEqualTo(new HotItem(T0, T0 + 10_000, 1_001L, 3L));
  }

  @Test
  void oneBidInOverlappingWindowsIsCountedOncePerWindow() {
    Bid bid = bid(1_003, 7, 10, T0 + 1_000);
    assertThat(HotItems.count(1_003L, new BatchWindow(T0 - 8_000, T0 + 2_000), List.of(bid)))
        .isEqualTo(new HotItem(T0 - 8_000, T0 + 2_000, 1_003L, 1L));
    assertThat(HotItems.count(1_003L, new BatchWindow(T0, T0 + 10_000), List.of(bid)))
        .isEqualTo(new HotItem(T0, T0 + 10_000, 1_003L, 1L));
  }

  @Test
  void emptyWindowEmitsNothing() {
    assertThat(HotItems.count(1L, new BatchWindow(T0, T0 + 10_000), List.of())).isNull();
  }
}
