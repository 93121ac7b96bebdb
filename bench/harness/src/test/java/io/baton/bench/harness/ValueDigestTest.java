package io.baton.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueDigestTest {
  private static final byte[] ONE = {0, 0, 0, 0, 7, 1, 2, 3};
  private static final byte[] ONE_UNDER_ANOTHER_ID = {0, 0, 0, 0, 9, 1, 2, 3};
  private static final byte[] TWO = {0, 0, 0, 0, 7, 3, 2, 1};

  @Test
  void orderDoesNotMatter() {
    assertThat(ValueDigest.EMPTY.plus(ONE).plus(TWO)).isEqualTo(ValueDigest.EMPTY.plus(TWO).plus(ONE));
  }

  @Test
  void schemaIdDoesNotMatter() {
    assertThat(ValueDigest.EMPTY.plus(ONE)).isEqualTo(ValueDigest.EMPTY.plus(ONE_UNDER_ANOTHER_ID));
  }

  @Test
  void aDuplicateOrAMissingValueShows() {
    ValueDigest both = ValueDigest.EMPTY.plus(ONE).plus(TWO);
    assertThat(ValueDigest.EMPTY.plus(ONE).plus(ONE)).isNotEqualTo(both);
    assertThat(ValueDigest.EMPTY.plus(ONE)).isNotEqualTo(both);
  }

  @Test
  void bodySkipsTheConfluentHeader() {
    assertThat(ValueDigest.body(ONE)).containsExactly(1, 2, 3);
    assertThat(ValueDigest.body(new byte[] {5, 6})).containsExactly(5, 6);
  }
}
