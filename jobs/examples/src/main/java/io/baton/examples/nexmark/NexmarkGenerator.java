package io.baton.examples.nexmark;

import io.baton.schemas.nexmark.Auction;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic Nexmark event stream: persons who sell and bid, auctions and bids, in event-time
 * order. Every block of 50 events holds 1 person, then 3 auctions, then 46 bids. Sellers and
 * bidders are persons already generated, bids go to auctions already generated (half of them to
 * one of the four newest, "hot", auctions). Event {@code n} happens at
 * {@code startAt + n * 1000 / eventsPerSecond}. The same settings always give the same stream;
 * each call to {@link #events()} starts it again from event 0.
 *
 * <pre>{@code
 * NexmarkGenerator gen = NexmarkGenerator.builder().seed(42).startAt(1_700_000_000_000L)
 *     .eventsPerSecond(1_000).build();
 * List<NexmarkEvent> first = gen.take(10_000);   // 200 persons, 600 auctions, 9,200 bids over 10 s
 * }</pre>
 */
public final class NexmarkGenerator implements Iterable<NexmarkEvent> {

  public static final int PERSONS_PER_BLOCK = 1;
  public static final int AUCTIONS_PER_BLOCK = 3;
  public static final int BIDS_PER_BLOCK = 46;
  public static final int BLOCK = PERSONS_PER_BLOCK + AUCTIONS_PER_BLOCK + BIDS_PER_BLOCK;
  public static final long FIRST_PERSON_ID = 1_000;
  public static final long FIRST_AUCTION_ID = 1_000;
  public static final long FIRST_CATEGORY_ID = 10;
  public static final int CATEGORIES = 5;

  private final long seed;
  private final long startAt;
  private final long eventsPerSecond;

  private NexmarkGenerator(Builder b) {
    this.seed = b.seed;
    this.startAt = b.startAt;
    this.eventsPerSecond = b.eventsPerSecond;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Event time of event {@code number}, epoch milliseconds. */
  public long timestampOf(long number) {
    return startAt + number * 1_000 / eventsPerSecond;
  }

  /** The unbounded stream from event 0. */
  @Override
  public Iterator<NexmarkEvent> iterator() {
    return new NexmarkRun(seed, this::timestampOf);
  }

  /** The unbounded stream from event 0, as a sequential {@link Stream}; bound it with {@code limit}. */
  public Stream<NexmarkEvent> events() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
  }

  /** The first {@code count} events. */
  public List<NexmarkEvent> take(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be zero or positive, got " + count);
    }
    List<NexmarkEvent> out = new ArrayList<>(count);
    Iterator<NexmarkEvent> it = iterator();
    for (int i = 0; i < count; i++) {
      out.add(it.next());
    }
    return out;
  }

  @Override
  public String toString() {
    return "NexmarkGenerator(seed=" + seed + ", startAt=" + Instant.ofEpochMilli(startAt)
        + ", eventsPerSecond=" + eventsPerSecond + ")";
  }

  /** Settings for {@link NexmarkGenerator}; {@code seed} and {@code startAt} are required. */
  public static final class Builder {
    private Long seed;
    private Long startAt;
    private long eventsPerSecond = 10_000;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Event time of event 0, epoch milliseconds. */
    public Builder startAt(long epochMillis) {
      this.startAt = epochMillis;
      return this;
    }

    /** How fast event time advances: events per second of event time (default 10,000). */
    public Builder eventsPerSecond(long eventsPerSecond) {
      this.eventsPerSecond = eventsPerSecond;
      return this;
    }

    /** Checks every setting and reports all problems together. */
    public NexmarkGenerator build() {
      List<String> problems = new ArrayList<>();
      if (seed == null) {
        problems.add("call seed(n)");
      }
      if (startAt == null) {
        problems.add("call startAt(epochMillis)");
      }
      if (eventsPerSecond < 1 || eventsPerSecond > 1_000_000_000L) {
        problems.add("eventsPerSecond must be between 1 and 1,000,000,000, got " + eventsPerSecond);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("NexmarkGenerator: " + String.join("; ", problems));
      }
      return new NexmarkGenerator(this);
    }
  }
}
