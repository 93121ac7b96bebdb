package io.baton.examples.sensor;

import io.baton.examples.sensor.GeneratedReading.Kind;
import io.baton.schemas.sensor.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deterministic demo input for {@link SensorStory}: {@code sensors} sensors each read once every
 * {@code every} of event time from {@code startAt}, in time order. Some sensors run hot (every
 * reading above 40 °C, so each of their minutes raises an alert); the others stay between 13 and
 * 27 °C. On top of that come exactly {@code outOfRange} readings outside -90..60 °C (stamped with
 * the current time) and exactly {@code late} in-range readings stamped more than one window plus
 * grace before the current minute, emitted after the newer readings. The same settings and seed
 * always give the same list.
 *
 * <pre>{@code
 * List<GeneratedReading> readings = SensorReadings.builder()
 *     .seed(7).sensors(10).every(Duration.ofSeconds(1)).startAt(1_700_000_040_000L)
 *     .readingsPerSensor(300).hotSensors(2).outOfRange(3).late(2)
 *     .build().generate();
 * SensorReadings.countByKind(readings);   // {GOOD=3000, OUT_OF_RANGE=3, LATE=2}
 * }</pre>
 */
public final class SensorReadings {

  /** A late reading is at least this much older than the start of the minute it is emitted in. */
  static final long LATE_MARGIN_MILLIS =
      SensorStory.WINDOW.toMillis() + SensorStory.GRACE.toMillis() + 1_000;
  /** Late readings are spread over this much time before the latest late timestamp. */
  private static final int LATE_SPREAD_MILLIS = 30_000;
  private static final double[] OUT_OF_RANGE_CELSIUS = {500.0, -200.0};

  private final long seed;
  private final int sensors;
  private final long everyMillis;
  private final long startAt;
  private final int readingsPerSensor;
  private final int hotSensors;
  private final int outOfRange;
  private final int late;

  private SensorReadings(Builder b) {
    this.seed = b.seed;
    this.sensors = b.sensors;
    this.everyMillis = b.every.toMillis();
    this.startAt = b.startAt;
    this.readingsPerSensor = b.readingsPerSensor;
    this.hotSensors = b.hotSensors;
    this.outOfRange = b.outOfRange;
    this.late = b.late;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Sensor ids, {@code sensor-001} onwards. */
  public List<String> sensorIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= sensors; i++) {
      ids.add(String.format("sensor-%03d", i));
    }
    return ids;
  }

  /** The sensors that run hot (the same for every call). */
  public Set<String> hotSensorIds() {
    return new TreeSet<>(new Run().hot);
  }

  /** All readings in the order to produce them: by time, with each bad one after its tick's readings. */
  public List<GeneratedReading> generate() {
    return new Run().readings();
  }

  /** How many readings of each kind a list holds (every kind present, zero when absent). */
  public static Map<Kind, Long> countByKind(List<GeneratedReading> readings) {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, 0L);
    }
    readings.forEach(g -> counts.merge(g.kind(), 1L, Long::sum));
    return counts;
  }

  /** The fewest readings per sensor that leave room for late readings, given where the run starts. */
  static int readingsPerSensorNeededForLate(long startAt, long everyMillis) {
    long minute = SensorStory.WINDOW.toMillis();
    long firstEligibleMinute = Math.floorDiv(startAt + LATE_MARGIN_MILLIS + minute - 1, minute) * minute;
    long ticks = (firstEligibleMinute - startAt + everyMillis - 1) / everyMillis;
    return (int) Math.min(Integer.MAX_VALUE, ticks + 1);
  }

  @Override
  public String toString() {
    return "SensorReadings(seed=" + seed + ", sensors=" + sensors + ", every=" + Duration.ofMillis(everyMillis)
        + ", startAt=" + Instant.ofEpochMilli(startAt) + ", readingsPerSensor=" + readingsPerSensor
        + ", hotSensors=" + hotSensors + ", outOfRange=" + outOfRange + ", late=" + late + ")";
  }

  /** One generation from the seed; all randomness is drawn here in a fixed order. */
  private final class Run {
    private final Random random = new Random(seed);
    private final List<String> ids = sensorIds();
    private final Set<String> hot = new TreeSet<>();
    private final double[] base = new double[sensors];

    Run() {
      // A partial Fisher-Yates shuffle picks the hot sensors.
      List<String> pool = new ArrayList<>(ids);
      for (int i = 0; i < hotSensors; i++) {
        int j = i + random.nextInt(pool.size() - i);
        String picked = pool.get(j);
        pool.set(j, pool.get(i));
        pool.set(i, picked);
        hot.add(picked);
      }
      // Hot sensors sit at 43..48 °C, the others at 15..25 °C; noise adds at most ±2.
      for (int s = 0; s < sensors; s++) {
        base[s] = hot.contains(ids.get(s)) ? 43 + random.nextDouble() * 5 : 15 + random.nextDouble() * 10;
      }
    }

    List<GeneratedReading> readings() {
      int[] outOfRangeAfter = new int[readingsPerSensor];
      for (int i = 0; i < outOfRange; i++) {
        outOfRangeAfter[random.nextInt(readingsPerSensor)]++;
      }
      int[] lateAfter = new int[readingsPerSensor];
      int firstLateTick = readingsPerSensorNeededForLate(startAt, everyMillis) - 1;
      for (int i = 0; i < late; i++) {
        lateAfter[firstLateTick + random.nextInt(readingsPerSensor - firstLateTick)]++;
      }
      List<GeneratedReading> out = new ArrayList<>(sensors * readingsPerSensor + outOfRange + late);
      for (int tick = 0; tick < readingsPerSensor; tick++) {
        long now = startAt + tick * everyMillis;
        for (int s = 0; s < sensors; s++) {
          out.add(new GeneratedReading(reading(s, inRange(s), now), Kind.GOOD));
        }
        for (int i = 0; i < outOfRangeAfter[tick]; i++) {
          double celsius = OUT_OF_RANGE_CELSIUS[random.nextInt(OUT_OF_RANGE_CELSIUS.length)];
          out.add(new GeneratedReading(reading(random.nextInt(sensors), celsius, now), Kind.OUT_OF_RANGE));
        }
        for (int i = 0; i < lateAfter[tick]; i++) {
          int s = random.nextInt(sensors);
          out.add(new GeneratedReading(reading(s, inRange(s), lateTimestamp(now)), Kind.LATE));
        }
      }
      return out;
    }

    private double inRange(int sensor) {
      double celsius = base[sensor] + random.nextDouble() * 4 - 2;
      return Math.round(celsius * 10) / 10.0;
    }

    /** At least one window plus grace (plus a second) before the current minute, but not before the start. */
    private long lateTimestamp(long now) {
      long minute = SensorStory.WINDOW.toMillis();
      long newest = Math.floorDiv(now, minute) * minute - LATE_MARGIN_MILLIS;
      int spread = (int) Math.min(LATE_SPREAD_MILLIS, newest - startAt);
      return newest - random.nextInt(spread + 1);
    }

    private Reading reading(int sensor, double celsius, long timestamp) {
      return new Reading(ids.get(sensor), celsius, timestamp);
    }
  }

  /** Settings for {@link SensorReadings}; {@code sensors}, {@code startAt} and {@code readingsPerSensor} are required. */
  public static final class Builder {
    private long seed = 1;
    private int sensors = -1;
    private Duration every = Duration.ofSeconds(1);
    private Long startAt;
    private int readingsPerSensor = -1;
    private int hotSensors = 1;
    private int outOfRange;
    private int late;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many sensors read (ids {@code sensor-001} onwards). */
    public Builder sensors(int sensors) {
      this.sensors = sensors;
      return this;
    }

    /** Event time between two readings of one sensor (default one second). */
    public Builder every(Duration every) {
      this.every = every;
      return this;
    }

    /** Event time of the first readings, epoch milliseconds. */
    public Builder startAt(long epochMillis) {
      this.startAt = epochMillis;
      return this;
    }

    /** How many good readings each sensor makes. */
    public Builder readingsPerSensor(int readingsPerSensor) {
      this.readingsPerSensor = readingsPerSensor;
      return this;
    }

    /** How many sensors run above 40 °C (default 1). */
    public Builder hotSensors(int hotSensors) {
      this.hotSensors = hotSensors;
      return this;
    }

    /** How many extra readings are outside -90..60 °C (default 0). */
    public Builder outOfRange(int outOfRange) {
      this.outOfRange = outOfRange;
      return this;
    }

    /** How many extra readings arrive too late for their window (default 0). */
    public Builder late(int late) {
      this.late = late;
      return this;
    }

    /** Checks every setting and reports all problems together. */
    public SensorReadings build() {
      List<String> problems = new ArrayList<>();
      if (sensors == -1) {
        problems.add("call sensors(n)");
      } else if (sensors < 1) {
        problems.add("sensors must be at least 1, got " + sensors);
      }
      if (startAt == null) {
        problems.add("call startAt(epochMillis)");
      }
      if (readingsPerSensor == -1) {
        problems.add("call readingsPerSensor(n)");
      } else if (readingsPerSensor < 1) {
        problems.add("readingsPerSensor must be at least 1, got " + readingsPerSensor);
      }
      if (every == null || every.toMillis() < 1) {
        problems.add("every must be at least 1 ms, got " + every);
      }
      if (hotSensors < 0 || (sensors >= 1 && hotSensors > sensors)) {
        problems.add("hotSensors must be between 0 and sensors (" + sensors + "), got " + hotSensors);
      }
      if (outOfRange < 0) {
        problems.add("outOfRange must be zero or positive, got " + outOfRange);
      }
      if (late < 0) {
        problems.add("late must be zero or positive, got " + late);
      }
      if (late > 0 && startAt != null && every != null && every.toMillis() >= 1 && readingsPerSensor >= 1) {
        int needed = readingsPerSensorNeededForLate(startAt, every.toMillis());
        if (readingsPerSensor < needed) {
          problems.add("late(" + late + ") needs event time to pass one window plus grace after the start: "
              + "readingsPerSensor must be at least " + needed + " with every(" + every + "), got " + readingsPerSensor);
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("SensorReadings: " + String.join("; ", problems));
      }
      return new SensorReadings(this);
    }
  }
}
