package io.baton.examples.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;
import io.baton.api.batch.Every;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.StageFunction;
import io.baton.schemas.nexmark.Bid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HighestBidTest {

  /** A multiple of 10 s. */
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void buildsASourceAndOneTumblingStage() {
    PipelineGraph graph = new HighestBid().define().build();

    assertThat(graph.name()).isEqualTo("nexmark-highest-bid");
    assertThat(graph.levels()).containsExactly(List.of("bids"), List.of("highest-bid"));
    StageSpec bids = graph.stage("bids");
    assertThat(bids.inputTopics()).containsExactly("nexmark.bids");
    assertThat(bids.outputClass()).isEqualTo(Bid.class);
    assertThat(bids.eventTime()).get().satisfies(t -> {
      assertThat(t.timestamp()).isPresent();
      assertThat(t.outOfOrderness()).isEqualTo(Duration.ofSeconds(2));
    });
    StageSpec highest = graph.stage("highest-bid");
    assertThat(highest.inputTopics()).containsExactly("nexmark-highest-bid.bids");
    assertThat(highest.batch()).isInstanceOf(Every.class).hasToString("Batch.every(PT10S)");
    assertThat(highest.batch().keyed()).isFalse();
    assertThat(highest.outputClass()).isEqualTo(io.baton.schemas.nexmark.HighestBid.class);
    assertThat(highest.outputTopic()).isEqualTo("nexmark-highest-bid.highest-bid");
  }

  @Test
  @SuppressWarnings("unchecked")
  void stageAggregatesTheHighestBidOfItsWindow() throws Exception {
    var fn = (StageFunction.Aggregate<Object, Bid, Bid, io.baton.schemas.nexmark.HighestBid>)
        new HighestBid().define().build().stage("highest-bid").function().orElseThrow();
    var agg = fn.aggregation();

    Bid acc = agg.add(agg.add(agg.createAccumulator(), bid(1, 2, 300, T0 + 1_000)), bid(3, 4, 500, T0 + 2_000));
    Bid other = agg.add(agg.createAccumulator(), bid(5, 6, 400, T0 + 3_000));
    assertThat(agg.result(null, new BatchWindow(T0, T0 + 10_000), agg.merge(other, acc)))
        .isEqualTo(highest(T0, 3, 4, 500));
    assertThat(agg.result(null, new BatchWindow(T0, T0 + 10_000), agg.createAccumulator())).isNull();
  }

  @Test
  void picksTheHighestPriceAndTheWindowOfTheBids() {
    List<Bid> bids = List.of(
        bid(1_001, 2_001, 700, T0 + 12_000),
        bid(1_002, 2_002, 950, T0 + 19_999),
        bid(1_003, 2_003, 90, T0 + 10_000));

    assertThat(HighestBid.of(null, bids)).isEqualTo(highest(T0 + 10_000, 1_002, 2_002, 950));
  }

  @Test
  void tiedPriceGoesToTheLowestAuctionThenTheLowestBidder() {
    List<Bid> bids = List.of(
        bid(1_005, 2_001, 950, T0 + 1_000),
        bid(1_004, 2_009, 950, T0 + 2_000),
        bid(1_004, 2_003, 950, T0 + 3_000),
        bid(1_001, 2_000, 949, T0 + 4_000));

    assertThat(HighestBid.of(null, bids)).isEqualTo(highest(T0, 1_004, 2_003, 950));
  }

  @Test
  void emptyWindowEmitsNothing() {
    assertThat(HighestBid.of(null, List.of())).isNull();
  }

  @Test
  void generatedBidsGetTheirTumblingWindowAndItsMaximum() {
    NexmarkGenerator gen = NexmarkGenerator.builder().seed(3).startAt(T0 + 4_321).eventsPerSecond(500).build();
    Map<Long, List<Bid>> windows = new TreeMap<>();
    gen.events().limit(25_000).map(NexmarkEvent::record).filter(Bid.class::isInstance).map(Bid.class::cast)
        .forEach(b -> windows.computeIfAbsent(Math.floorDiv(b.getDateTime(), 10_000L) * 10_000L,
            k -> new ArrayList<>()).add(b));

    assertThat(windows).hasSize(6);
    windows.forEach((start, bids) -> {
      io.baton.schemas.nexmark.HighestBid h = HighestBid.of(null, bids);
      assertThat(h.getWindowStart()).isEqualTo(start);
      assertThat(h.getWindowEnd()).isEqualTo(start + 10_000);
      assertThat(h.getPrice()).isEqualTo(bids.stream().mapToLong(Bid::getPrice).max().getAsLong());
      assertThat(bids).anySatisfy(b -> {
        assertThat(b.getAuction()).isEqualTo(h.getAuction());
        assertThat(b.getBidder()).isEqualTo(h.getBidder());
        assertThat(b.getPrice()).isEqualTo(h.getPrice());
      });
    });
  }

  static Bid bid(long auction, long bidder, long price, long dateTime) {
    return new Bid(auction, bidder, price, "Google", "https://www.nexmark.com/google/item.htm?query=1", dateTime, "");
  }

  private static io.baton.schemas.nexmark.HighestBid highest(long start, long auction, long bidder, long price) {
    return new io.baton.schemas.nexmark.HighestBid(start, start + 10_000, auction, bidder, price);
  }
}
