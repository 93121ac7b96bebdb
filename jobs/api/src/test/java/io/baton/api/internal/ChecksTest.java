package io.baton.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void countMustBePositive() {
    assertThat(Checks.positive("n", 3L)).isEqualTo(3L);
    assertThat(Checks.positive("partitions", 2)).isEqualTo(2);
    assertThatThrownBy(() -> Checks.positive("n", 0L))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be positive, got 0");
    assertThatThrownBy(() -> Checks.positive("partitions", -1)).hasMessage("partitions must be positive, got -1");
  }

  @Test
  void durationMustBePositive() {
    assertThat(Checks.positive("maxWait", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> Checks.positive("maxWait", Duration.ZERO))
        .hasMessage("maxWait must be a positive duration, got PT0S");
    assertThatThrownBy(() -> Checks.positive("maxWait", (Duration) null))
        .hasMessage("maxWait must be a positive duration, got null");
  }

  @Test
  void graceMayBeZeroButNotNegative() {
    assertThat(Checks.notNegative("grace", Duration.ZERO)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Checks.notNegative("grace", Duration.ofSeconds(-1)))
        .hasMessage("grace must be zero or positive, got PT-1S");
  }

  @Test
  void namesMustNotBeBlank() {
    assertThat(Checks.notBlank("key name", "sensor")).isEqualTo("sensor");
    assertThatThrownBy(() -> Checks.notBlank("key name", " ")).hasMessage("key name must not be blank, got ' '");
    assertThatThrownBy(() -> Checks.notBlank("key name", null)).hasMessage("key name must not be blank, got null");
  }
}
