package io.baton.bench.harness;

import io.baton.schemas.nexmark.HotItem;
import java.time.Duration;
import java.util.Map;

/**
 * The keyed aggregation workload: bids counted per auction in batches of {@link #BATCH} or whatever
 * {@link #MAX_WAIT} of processing time gathered ({@code countOrTime}), each batch one {@link HotItem} (auction, bid
 * count; no window, so its bounds are 0). Bounded in Flink's BATCH mode the time limit only fires at the end of a key,
 * so the output is known in advance: per auction with c bids, c / 100 batches of 100 and one of the rest.
 *
 * <pre>{@code
 * OutputCheck check = KeyedCount.check(input);
 * HotItem full = KeyedCount.item(1_001L, KeyedCount.BATCH);
 * }</pre>
 */
public final class KeyedCount {
  public static final int BATCH = 100;
  public static final Duration MAX_WAIT = Duration.ofSeconds(1);

  private KeyedCount() {}

  public static HotItem item(long auction, long bidCount) {
    return HotItem.newBuilder().setWindowStart(0).setWindowEnd(0).setAuction(auction).setBidCount(bidCount).build();
  }

  /** The digest of the outputs a count-or-time batching cut only by count gives. */
  static ValueDigest expected(Map<Long, Long> bidsPerAuction) {
    ValueDigest digest = ValueDigest.EMPTY;
    for (Map.Entry<Long, Long> e : bidsPerAuction.entrySet()) {
      long full = e.getValue() / BATCH;
      byte[] fullBatch = FramedAvro.frame(0, FramedAvro.encode(item(e.getKey(), BATCH)));
      for (long i = 0; i < full; i++) {
        digest = digest.plus(fullBatch);
      }
      if (e.getValue() % BATCH != 0) {
        digest = digest.plus(FramedAvro.frame(0, FramedAvro.encode(item(e.getKey(), e.getValue() % BATCH))));
      }
    }
    return digest;
  }

  /**
   * The check for Flink-based sides: exactly the expected batches. Kafka Streams has no end of input, so its time
   * limit cuts batches while it runs; its check is that the counts add up to the input, each at most {@link #BATCH}.
   */
  static OutputCheck check(BidInput.Input input) {
    OutputCheck exact = OutputCheck.sameValuesAs(expected(input.bidsPerAuction()));
    return (topics, side, topic) -> side.startsWith("C") ? totals(topics, topic, input.records()) : exact.check(topics, side, topic);
  }

  private static OutputCheck.Verdict totals(BenchTopics topics, String topic, long records) {
    long[] sumCountMax = new long[3];
    topics.forEachValue(topic, value -> {
      long count = FramedAvro.decode(value, HotItem.class).getBidCount();
      sumCountMax[0] += count;
      sumCountMax[1]++;
      sumCountMax[2] = Math.max(sumCountMax[2], count);
    });
    boolean ok = sumCountMax[0] == records && sumCountMax[2] <= BATCH;
    return new OutputCheck.Verdict(ok, sumCountMax[1], (ok ? "counts add up to the input" : "WRONG: counts add up to "
        + sumCountMax[0] + " of " + records + ", largest " + sumCountMax[2]) + " (batches cut by time too)");
  }
}
