package io.baton.api.overrides;

import io.baton.api.Delivery;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of value an override takes: how each is read from the file and written canonically. */
enum OverrideValue {
  /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT2M}); canonically ISO. */
  DURATION,
  /** A whole number (a YAML integer or its digits); the policy decides which are valid. */
  WHOLE_NUMBER,
  /** {@code exactly-once} or {@code at-least-once}. */
  DELIVERY;

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  /** The value of {@code raw} (a YAML scalar), or an IllegalArgumentException saying what is expected. */
  Object read(Object raw) {
    String text = raw == null ? "" : raw.toString().trim();
    return switch (this) {
      case DURATION -> duration(raw, text);
      case WHOLE_NUMBER -> wholeNumber(raw, text);
      case DELIVERY -> delivery(text);
    };
  }

  /** The canonical text of a value this kind read: ISO durations, plain numbers, {@code at-least-once}. */
  String write(Object value) {
    return this == DELIVERY ? ((Delivery) value).name().toLowerCase(Locale.ROOT).replace('_', '-') : value.toString();
  }

  private static Duration duration(Object raw, String text) {
    if (raw instanceof Number) {
      throw new IllegalArgumentException("'" + text + "' has no unit; write e.g. 30s, 2m, 500ms or PT2M");
    }
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    if (text.startsWith("P") || text.startsWith("-P")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        // falls through to the message below
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 30s, 2m, 500ms, 1h or PT2M");
  }

  private static Long wholeNumber(Object raw, String text) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short
        || (raw instanceof BigInteger b && b.bitLength() < 64)) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof String && text.matches("-?\\d{1,18}")) {
      return Long.parseLong(text);
    }
    throw new IllegalArgumentException("'" + text + "' is not a whole number");
  }

  private static Delivery delivery(String text) {
    for (Delivery d : Delivery.values()) {
      if (d.name().equalsIgnoreCase(text.replace('-', '_'))) {
        return d;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a delivery; write exactly-once or at-least-once");
  }
}
