package io.baton.examples.sensor;

import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Summary;
import java.util.Locale;

/**
 * Turns a hot minute into an alert.
 *
 * <pre>{@code
 * Alert a = Alerts.hot(summary);   // null unless the mean is above 40 °C
 * }</pre>
 */
public final class Alerts {

  /** A minute whose mean is strictly above this is hot. */
  public static final double HOT_CELSIUS = 40.0;

  private Alerts() {}

  /** An alert for a summary whose mean is above {@link #HOT_CELSIUS}, else {@code null} (nothing emitted). */
  public static Alert hot(Summary s) {
    if (!(s.getMeanCelsius() > HOT_CELSIUS)) {
      return null;
    }
    String message = String.format(Locale.ROOT, "mean %.1f °C over %d readings is above %.1f °C",
        s.getMeanCelsius(), s.getCount(), HOT_CELSIUS);
    return Alert.newBuilder()
        .setSensorId(s.getSensorId())
        .setWindowEnd(s.getWindowEnd())
        .setMeanCelsius(s.getMeanCelsius())
        .setMessage(message)
        .build();
  }
}
