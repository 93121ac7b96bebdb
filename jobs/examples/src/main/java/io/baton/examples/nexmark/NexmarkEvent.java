package io.baton.examples.nexmark;

import io.baton.schemas.nexmark.Auction;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.Person;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event of the Nexmark stream made by {@link NexmarkGenerator}: a person, an auction or a bid,
 * with its place in the stream and its event time.
 *
 * <pre>{@code
 * if (event.record() instanceof Bid bid) { producer.send(event.kind().topic(), bid); }
 * }</pre>
 *
 * @param number position in the stream, from 0
 * @param timestamp event time, epoch milliseconds (equal to the record's {@code dateTime})
 * @param record a {@link Person}, {@link Auction} or {@link Bid}
 */
public record NexmarkEvent(long number, long timestamp, SpecificRecord record) {

  /** The three kinds of Nexmark events, with the topic each goes to. */
  public enum Kind {
    PERSON("nexmark.persons"),
    AUCTION("nexmark.auctions"),
    BID("nexmark.bids");

    private final String topic;

    Kind(String topic) {
      this.topic = topic;
    }

    /** The Kafka topic events of this kind are produced to. */
    public String topic() {
      return topic;
    }
  }

  public NexmarkEvent {
    Objects.requireNonNull(record, "record");
    if (!(record instanceof Person || record instanceof Auction || record instanceof Bid)) {
      throw new IllegalArgumentException(
          "record must be a Person, Auction or Bid, got " + record.getClass().getName());
    }
  }

  public Kind kind() {
    return record instanceof Person ? Kind.PERSON : record instanceof Auction ? Kind.AUCTION : Kind.BID;
  }
}
