package io.baton.examples.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Summary;
import org.junit.jupiter.api.Test;

class AlertsTest {

  @Test
  void meanAboveFortyRaisesAnAlert() {
    Alert a = Alerts.hot(new Summary("sensor-003", 60_000L, 120_000L, 3, 41.0, 43.0, 42.0));

    assertThat(a).isEqualTo(new Alert("sensor-003", 120_000L, 42.0,
        "mean 42.0 °C over 3 readings is above 40.0 °C"));
  }

  @Test
  void meanOfExactlyFortyIsNotHot() {
    assertThat(Alerts.hot(new Summary("s", 0L, 60_000L, 2, 39.0, 41.0, 40.0))).isNull();
  }

  @Test
  void hotPeakWithCoolMeanIsNotHot() {
    assertThat(Alerts.hot(new Summary("s", 0L, 60_000L, 2, 20.0, 59.0, 39.5))).isNull();
  }
}
