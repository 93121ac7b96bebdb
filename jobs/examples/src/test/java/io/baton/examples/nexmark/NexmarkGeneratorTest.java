package io.baton.examples.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.examples.nexmark.NexmarkEvent.Kind;
import io.baton.schemas.nexmark.Auction;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.Person;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {

  private static final long START = 1_700_000_000_000L;

  private static NexmarkGenerator generator(long seed, long eventsPerSecond) {
    return NexmarkGenerator.builder().seed(seed).startAt(START).eventsPerSecond(eventsPerSecond).build();
  }

  @Test
  void sameSeedGivesTheSameStream() {
    assertThat(generator(42, 1_000).take(5_000)).isEqualTo(generator(42, 1_000).take(5_000));
  }

  @Test
  void otherSeedGivesAnotherStream() {
    assertThat(generator(43, 1_000).take(500)).isNotEqualTo(generator(42, 1_000).take(500));
  }

  @Test
  void everyPassStartsAgainFromEventZero() {
    NexmarkGenerator gen = generator(42, 1_000);
    List<NexmarkEvent> first = gen.take(300);

    assertThat(gen.take(300)).isEqualTo(first);
    assertThat(gen.events().limit(300).toList()).isEqualTo(first);
    assertThat(first).extracting(NexmarkEvent::number).startsWith(0L, 1L, 2L).endsWith(299L);
  }

  @Test
  void everyBlockOfFiftyHoldsOnePersonThreeAuctionsAndFortySixBids() {
    List<NexmarkEvent> events = generator(42, 1_000).take(50 * 40);

    for (int block = 0; block < 40; block++) {
      List<NexmarkEvent> part = events.subList(block * 50, block * 50 + 50);
      Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
      part.forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
      assertThat(counts).isEqualTo(Map.of(Kind.PERSON, 1, Kind.AUCTION, 3, Kind.BID, 46));
      assertThat(part).extracting(NexmarkEvent::kind)
          .startsWith(Kind.PERSON, Kind.AUCTION, Kind.AUCTION, Kind.AUCTION, Kind.BID);
    }
  }

  @Test
  void idsReferOnlyToPersonsAndAuctionsAlreadyMade() {
    Set<Long> persons = new HashSet<>();
    Set<Long> auctions = new HashSet<>();
    long bids = 0;
    for (NexmarkEvent e : generator(7, 1_000).take(20_000)) {
      if (e.record() instanceof Person p) {
        assertThat(p.getId()).isEqualTo(NexmarkGenerator.FIRST_PERSON_ID + persons.size());
        persons.add(p.getId());
      } else if (e.record() instanceof Auction a) {
        assertThat(a.getId()).isEqualTo(NexmarkGenerator.FIRST_AUCTION_ID + auctions.size());
        assertThat(persons).contains(a.getSeller());
        auctions.add(a.getId());
      } else {
        Bid b = (Bid) e.record();
        assertThat(auctions).contains(b.getAuction());
        assertThat(persons).contains(b.getBidder());
        bids++;
      }
    }
    assertThat(persons).hasSize(400);
    assertThat(auctions).hasSize(1_200);
    assertThat(bids).isEqualTo(18_400);
  }

  @Test
  void eventTimeAdvancesAtTheConfiguredRate() {
    List<NexmarkEvent> events = generator(42, 3).take(7);

    assertThat(events).extracting(NexmarkEvent::timestamp)
        .containsExactly(START, START + 333, START + 666, START + 1_000, START + 1_333, START + 1_666, START + 2_000);
  }

  @Test
  void recordsCarryTheirEventTimeInOrder() {
    long previous = Long.MIN_VALUE;
    for (NexmarkEvent e : generator(42, 10_000).take(10_000)) {
      long dateTime = e.record() instanceof Person p ? p.getDateTime()
          : e.record() instanceof Auction a ? a.getDateTime() : ((Bid) e.record()).getDateTime();
      assertThat(dateTime).isEqualTo(e.timestamp()).isGreaterThanOrEqualTo(previous);
      previous = dateTime;
    }
    assertThat(previous).isEqualTo(START + 999);
  }

  @Test
  void auctionsAreSaneAndBidsFavourHotAuctions() {
    Map<Long, Integer> bidsPerAuction = new HashMap<>();
    long bidsOnNewest = 0;
    long bids = 0;
    long newestAuction = -1;
    for (NexmarkEvent e : generator(42, 1_000).take(50_000)) {
      if (e.record() instanceof Auction a) {
        assertThat(a.getReserve()).isGreaterThan(a.getInitialBid());
        assertThat(a.getExpires()).isGreaterThan(a.getDateTime());
        assertThat(a.getCategory()).isBetween(10L, 14L);
        newestAuction = a.getId();
      } else if (e.record() instanceof Bid b) {
        assertThat(b.getPrice()).isBetween(1L, 100_000L);
        bidsPerAuction.merge(b.getAuction(), 1, Integer::sum);
        bids++;
        bidsOnNewest += b.getAuction() > newestAuction - NexmarkRun.HOT_AUCTIONS ? 1 : 0;
      }
    }
    // Half the bids go to the four newest auctions, plus what the uniform half adds there.
    assertThat((double) bidsOnNewest / bids).isBetween(0.5, 0.6);
  }

  @Test
  void recordsArePaddedTowardsTheBenchmarksSizes() throws IOException {
    Map<Kind, long[]> sizes = new EnumMap<>(Kind.class);
    for (NexmarkEvent e : generator(42, 1_000).take(5_000)) {
      int bytes = avroBytes(e.record());
      long[] sum = sizes.computeIfAbsent(e.kind(), k -> new long[2]);
      sum[0] += bytes;
      sum[1]++;
    }
    assertThat(sizes.get(Kind.PERSON)[0] / sizes.get(Kind.PERSON)[1]).isBetween(170L, 230L);
    assertThat(sizes.get(Kind.AUCTION)[0] / sizes.get(Kind.AUCTION)[1]).isBetween(430L, 570L);
    assertThat(sizes.get(Kind.BID)[0] / sizes.get(Kind.BID)[1]).isBetween(80L, 120L);
  }

  private static int avroBytes(SpecificRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.size();
  }

  @Test
  void kindsNameTheirTopics() {
    assertThat(Kind.PERSON.topic()).isEqualTo("nexmark.persons");
    assertThat(Kind.AUCTION.topic()).isEqualTo("nexmark.auctions");
    assertThat(Kind.BID.topic()).isEqualTo(HighestBid.BIDS_TOPIC).isEqualTo(HotItems.BIDS_TOPIC);
  }

  @Test
  void eventRejectsRecordsOutsideTheModel() {
    assertThatThrownBy(() -> new NexmarkEvent(0, 0, new io.baton.schemas.nexmark.HotItem(0L, 1L, 2L, 3L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("record must be a Person, Auction or Bid, got io.baton.schemas.nexmark.HotItem");
  }

  @Test
  void missingSettingsAreReportedTogether() {
    assertThatThrownBy(() -> NexmarkGenerator.builder().eventsPerSecond(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NexmarkGenerator: call seed(n); call startAt(epochMillis); "
            + "eventsPerSecond must be between 1 and 1,000,000,000, got 0");
  }

  @Test
  void describesItsSettings() {
    assertThat(generator(42, 1_000))
        .hasToString("NexmarkGenerator(seed=42, startAt=2023-11-14T22:13:20Z, eventsPerSecond=1000)");
  }
}
