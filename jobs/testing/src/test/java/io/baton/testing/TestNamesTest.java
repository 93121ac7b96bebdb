package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestNamesTest {
  @Test
  void topicsAndPipelinesGetTheTestsSuffix() {
    TestNames names = new TestNames(7);
    assertThat(names.suffix()).isEqualTo("t7");
    assertThat(names.topic("orders")).isEqualTo("orders-t7");
    assertThat(names.pipeline("order-counts")).isEqualTo("order-counts-t7");
  }

  @Test
  void twoTestsNeverShareAName() {
    assertThat(new TestNames(1).topic("orders")).isNotEqualTo(new TestNames(2).topic("orders"));
    assertThat(new TestNames(1).topic("orders")).isNotEqualTo(new TestNames(11).topic("orders"));
  }

  @Test
  void numberMustBePositive() {
    assertThatThrownBy(() -> new TestNames(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("number must be at least 1 but was 0");
  }
}
