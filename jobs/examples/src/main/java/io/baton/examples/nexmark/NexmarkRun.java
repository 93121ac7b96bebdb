package io.baton.examples.nexmark;

import static io.baton.examples.nexmark.NexmarkGenerator.AUCTIONS_PER_BLOCK;
import static io.baton.examples.nexmark.NexmarkGenerator.BLOCK;
import static io.baton.examples.nexmark.NexmarkGenerator.CATEGORIES;
import static io.baton.examples.nexmark.NexmarkGenerator.FIRST_AUCTION_ID;
import static io.baton.examples.nexmark.NexmarkGenerator.FIRST_CATEGORY_ID;
import static io.baton.examples.nexmark.NexmarkGenerator.FIRST_PERSON_ID;
import static io.baton.examples.nexmark.NexmarkGenerator.PERSONS_PER_BLOCK;

import io.baton.schemas.nexmark.Auction;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.Person;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.apache.avro.specific.SpecificRecord;

/** One pass over a {@link NexmarkGenerator}'s stream; all randomness is drawn in event order. */
final class NexmarkRun implements Iterator<NexmarkEvent> {

  // Bids favour the newest auctions; sellers and bidders the newest persons.
  static final int HOT_AUCTIONS = 4;
  static final int OPEN_AUCTIONS = 100;
  static final int HOT_PERSONS = 4;
  static final int ACTIVE_PERSONS = 1_000;

  // The benchmark's average event sizes in bytes; "extra" pads each record towards them.
  private static final int PERSON_BYTES = 200;
  private static final int AUCTION_BYTES = 500;
  private static final int BID_BYTES = 100;

  private static final String[] FIRST_NAMES =
      {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"};
  private static final String[] LAST_NAMES =
      {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};
  private static final String[] CITIES =
      {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"};
  private static final String[] STATES = {"AZ", "CA", "CA", "ID", "OR", "OR", "WA", "WA", "WA", "WY"};
  private static final String[] ADJECTIVES = {"antique", "vintage", "rare", "signed", "boxed", "mint", "used"};
  private static final String[] ITEMS = {"clock", "lamp", "guitar", "camera", "bicycle", "record", "vase", "map"};
  private static final String[] CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};

  private final Random random;
  private final LongUnaryOperator clock;
  private final String padding;
  private long number;
  private long persons;
  private long auctions;

  NexmarkRun(long seed, LongUnaryOperator clock) {
    this.random = new Random(seed);
    this.clock = clock;
    StringBuilder pad = new StringBuilder(AUCTION_BYTES);
    for (int i = 0; i < AUCTION_BYTES; i++) {
      pad.append((char) ('a' + random.nextInt(26)));
    }
    this.padding = pad.toString();
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public NexmarkEvent next() {
    long n = number++;
    long timestamp = clock.applyAsLong(n);
    long offset = n % BLOCK;
    SpecificRecord record = offset < PERSONS_PER_BLOCK ? person(timestamp)
        : offset < PERSONS_PER_BLOCK + AUCTIONS_PER_BLOCK ? auction(timestamp)
        : bid(timestamp);
    return new NexmarkEvent(n, timestamp, record);
  }

  private Person person(long timestamp) {
    long id = FIRST_PERSON_ID + persons++;
    String first = pick(FIRST_NAMES);
    String last = pick(LAST_NAMES);
    int place = random.nextInt(CITIES.length);
    String email = (first + "." + last).toLowerCase(Locale.ROOT) + id + "@example.com";
    String card = String.format(Locale.ROOT, "%04d %04d %04d %04d",
        random.nextInt(10_000), random.nextInt(10_000), random.nextInt(10_000), random.nextInt(10_000));
    String name = first + " " + last;
    int used = 16 + name.length() + email.length() + card.length() + CITIES[place].length() + 2;
    return new Person(id, name, email, card, CITIES[place], STATES[place], timestamp, pad(PERSON_BYTES, used));
  }

  private Auction auction(long timestamp) {
    long id = FIRST_AUCTION_ID + auctions++;
    String item = pick(ADJECTIVES) + " " + pick(ITEMS);
    String description = "A " + item + ", lot " + id;
    long initialBid = price();
    long reserve = initialBid + price();
    long expires = timestamp + 10_000 + random.nextInt(290_000);
    long seller = FIRST_PERSON_ID + recent(persons, random.nextInt(4) == 0 ? HOT_PERSONS : ACTIVE_PERSONS);
    long category = FIRST_CATEGORY_ID + random.nextInt(CATEGORIES);
    int used = 56 + item.length() + description.length();
    return new Auction(id, item, description, initialBid, reserve, timestamp, expires, seller, category,
        pad(AUCTION_BYTES, used));
  }

  private Bid bid(long timestamp) {
    long auction = FIRST_AUCTION_ID + recent(auctions, random.nextBoolean() ? HOT_AUCTIONS : OPEN_AUCTIONS);
    long bidder = FIRST_PERSON_ID + recent(persons, random.nextInt(4) == 0 ? HOT_PERSONS : ACTIVE_PERSONS);
    long price = price();
    String channel = pick(CHANNELS);
    String url = "https://www.nexmark.com/" + channel.toLowerCase(Locale.ROOT) + "/item.htm?query=1";
    int used = 32 + channel.length() + url.length();
    return new Bid(auction, bidder, price, channel, url, timestamp, pad(BID_BYTES, used));
  }

  /** An index among the newest {@code window} of {@code count} things (count is at least 1 here). */
  private long recent(long count, int window) {
    return count - 1 - random.nextInt((int) Math.min(count, window));
  }

  /** Prices spread over five orders of magnitude, 1 to 100,000 (cents). */
  private long price() {
    return Math.round(StrictMath.pow(10.0, random.nextDouble() * 5.0));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private String pad(int target, int used) {
    return padding.substring(0, Math.max(0, Math.min(padding.length(), target - used)));
  }
}
