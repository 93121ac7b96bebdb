package io.baton.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedCountTest {

  @Test
  void anAuctionOf250BidsGivesTwoFullBatchesAndTheRest() {
    ValueDigest expected = KeyedCount.expected(Map.of(1_001L, 250L));
    ValueDigest byHand = ValueDigest.EMPTY
        .plus(KeyedCount.frame(3, KeyedCount.encode(KeyedCount.item(1_001L, 100))))
        .plus(KeyedCount.frame(3, KeyedCount.encode(KeyedCount.item(1_001L, 100))))
        .plus(KeyedCount.frame(3, KeyedCount.encode(KeyedCount.item(1_001L, 50))));
    assertThat(expected).isEqualTo(byHand);
  }

  @Test
  void framedItemsDecode() {
    byte[] value = KeyedCount.frame(258, KeyedCount.encode(KeyedCount.item(7L, 42)));
    assertThat(value).startsWith(0, 0, 0, 1, 2);
    assertThat(KeyedCount.decode(value).getBidCount()).isEqualTo(42);
  }
}
