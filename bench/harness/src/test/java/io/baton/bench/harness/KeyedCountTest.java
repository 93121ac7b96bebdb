package io.baton.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.schemas.nexmark.HotItem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedCountTest {

  @Test
  void anAuctionOf250BidsGivesTwoFullBatchesAndTheRest() {
    ValueDigest expected = KeyedCount.expected(Map.of(1_001L, 250L));
    ValueDigest byHand = ValueDigest.EMPTY
        .plus(FramedAvro.frame(3, FramedAvro.encode(KeyedCount.item(1_001L, 100))))
        .plus(FramedAvro.frame(3, FramedAvro.encode(KeyedCount.item(1_001L, 100))))
        .plus(FramedAvro.frame(3, FramedAvro.encode(KeyedCount.item(1_001L, 50))));
    assertThat(expected).isEqualTo(byHand);
  }

  @Test
  void framedItemsDecode() {
    byte[] value = FramedAvro.frame(258, FramedAvro.encode(KeyedCount.item(7L, 42)));
    assertThat(value).startsWith(0, 0, 0, 1, 2);
    assertThat(FramedAvro.decode(value, HotItem.class).getBidCount()).isEqualTo(42);
  }
}
