package io.baton.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.internal.ResourceNames;
import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.status.ConsumerLag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded soak: the fault pipeline's two exactly-once stages fed at a steady rate for {@code -Dbaton.soak.minutes}
 * (10) minutes. The rate is the highest the machine holds, found by a ramp first (unless {@code -Dbaton.soak.rate}
 * names one): each step feeds for 20 s and holds when the feeder reached the rate and both stages' lag ended within
 * 5 s of input; the soak runs at 80% of the highest step held, the margin for what a doubling ramp cannot resolve and
 * for neighbours on a shared machine. Every minute it prints heap and metaspace of the JobManager and the TaskManager,
 * each stage's last checkpoint size and lag, and asserts at the end that they stayed flat (criteria at each
 * constant), and that the final topic holds every reading exactly once.
 */
class SoakIT {
  private static final int MINUTES = Integer.getInteger("baton.soak.minutes", 10);
  private static final int[] RAMP = {2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000};
  private static final Duration STEP = Duration.ofSeconds(20);
  private static final double SOAK_SHARE = 0.8;
  private static final Duration HEAP_TICK = Duration.ofSeconds(5);
  /** A held step's lag: checkpoints every 2 s commit the offsets, so a keeping-up stage is at most ~2-3 s behind. */
  private static final int HELD_LAG_SECONDS = 5;
  /** The soak's lag bound: twice the ramp's; a stage short of the rate by 2% falls behind by 12 s of input in 10 min. */
  private static final int SOAK_LAG_SECONDS = 10;
  /** Every class is loaded by minute 1 (the jobs ran through the ramp); a leaked job class loader is 15-23 MB. */
  private static final long METASPACE_MARGIN = 8L << 20;
  /**
   * Heap is only sampled from outside, without a forced GC: a minute's lowest sample (every 5 s; Flink's REST API
   * refreshes metrics every 10 s) approximates what survives collection. G1 lets old garbage pile up to its 45%
   * occupancy threshold before it marks, so the lowest sample climbs by up to half the heap without any leak. So: no
   * minute's floor above 75% of the heap (a live set that large would mean back-to-back full collections), and from
   * 4 minutes on, the last minute's floor no more than a quarter heap above the highest floor of the first half.
   * A leak of 100 bytes a reading at 10,000 readings/s adds 60 MB a minute and fails both within 10 minutes.
   */
  private static final double HEAP_FLOOR_CEILING = 0.75;
  private static final double HEAP_FLOOR_DRIFT = 0.25;
  private static final int TREND_MINUTES = 4;
  /** The batches stage's state is its open batches: under 100 readings per key, 64 keys, under 1 KB each. */
  private static final long CHECKPOINT_BOUND = 64L * FaultPipeline.BATCH_SIZE * 1024;

  @TempDir
  Path home;

  @Test
  void aSteadyInputAtTheHighestRateHeldLeavesMemoryCheckpointsAndLagFlatAndEveryReadingOnce() throws Exception {
    System.out.printf("soak: %d minutes; load average at start %s%n", MINUTES, loadAverage());
    // Ids for the whole ramp at its steps' rates, the soak at its highest possible rate, and two minutes more.
    long upperBound = java.util.Arrays.stream(RAMP).asLongStream().sum() * STEP.toSeconds()
        + (long) (RAMP[RAMP.length - 1] * SOAK_SHARE) * 60L * (MINUTES + 2);
    Feeder.Plan plan = new Feeder.Plan((int) Math.min(Integer.MAX_VALUE - 1, upperBound), RAMP[0], 64, 200);
    try (FaultStack stack = FaultStack.up(home)) {
      stack.run();
      Map<String, String> jobs = stack.runningJobs();
      FlinkRest rest = stack.flink();
      Map<String, Vitals.Group> groups = new LinkedHashMap<>();
      groups.put(FaultPipeline.ACCEPT, new Vitals.Group(ResourceNames.consumerGroup(FaultPipeline.NAME, FaultPipeline.ACCEPT),
          List.of(FaultPipeline.INPUT)));
      groups.put(FaultPipeline.BATCHES, new Vitals.Group(ResourceNames.consumerGroup(FaultPipeline.NAME, FaultPipeline.BATCHES),
          List.of(ResourceNames.handoffTopic(FaultPipeline.NAME, FaultPipeline.ACCEPT))));
      try (Feeder feeder = stack.feed(plan);
          ConsumerLag lag = new ConsumerLag(KafkaClientConfig.of(stack.endpoints().kafkaBootstrapServers()),
              Duration.ofSeconds(30))) {
        int given = Integer.getInteger("baton.soak.rate", 0);
        int rate = given > 0 ? given : (int) (ramp(feeder, lag, groups) * SOAK_SHARE);
        feeder.rate(rate);
        Waits.until("both stages within " + HELD_LAG_SECONDS + " s of input at " + rate + "/s", Duration.ofMinutes(5),
            () -> maxLag(lag, groups) <= (long) rate * HELD_LAG_SECONDS);
        System.out.printf("soak rate %d readings/s%s%n", rate, given > 0 ? " (given)" : " (" + SOAK_SHARE
            + " of the highest step held)");

        long[] heapMax = Vitals.heapMax(rest);
        System.out.printf("heap max: jobmanager %d MB, taskmanager %d MB%n", heapMax[0] >> 20, heapMax[1] >> 20);
        List<Minute> minutes = soak(feeder, rest, lag, jobs, groups);
        feeder.close();
        Counts counts = stack.checker().awaitComplete(feeder, Duration.ofMinutes(5));
        String load = loadAverage();

        List<String> table = table(minutes, jobs, groups);
        System.out.printf("%nsoak %d min at %d readings/s, load average at the end %s%n", MINUTES, rate, load);
        table.forEach(System.out::println);
        double soakFed = minutes.stream().mapToDouble(Minute::fedPerSecond).average().orElse(0);
        FaultReport.of("soak " + MINUTES + " min at " + rate + "/s", counts, Duration.ZERO, soakFed).print();
        writeTable(rate, load, table);

        assertFlat(minutes, heapMax, rate);
        assertThat(counts.missing()).as(counts.toString()).isZero();
        assertThat(counts.dup()).as(counts.toString()).isZero();
        assertThat(counts.misplaced()).as(counts.toString()).isZero();
        assertThat(counts.out() + counts.dead()).as(counts.toString()).isEqualTo(counts.in());
      }
    }
  }

  /** One minute of the soak: the sample at its end, its lowest heap samples and the rate fed in it. */
  record Minute(int n, Vitals vitals, long jmHeapFloor, long tmHeapFloor, double fedPerSecond) {}

  /** Doubles the rate every {@link #STEP} while it holds; returns the highest rate held. */
  private static int ramp(Feeder feeder, ConsumerLag lag, Map<String, Vitals.Group> groups) throws Exception {
    int held = 0;
    for (int rate : RAMP) {
      feeder.rate(rate);
      long acked = feeder.acked();
      long start = System.nanoTime();
      Thread.sleep(STEP.toMillis()); // the step's length: feeding at this rate is what is measured
      double fed = (feeder.acked() - acked) / ((System.nanoTime() - start) / 1e9);
      Map<String, Long> lags = lags(lag, groups);
      boolean fedAll = fed >= 0.9 * rate;
      boolean keptUp = lags.values().stream().allMatch(l -> l <= (long) rate * HELD_LAG_SECONDS);
      boolean holds = fedAll && keptUp;
      System.out.printf(Locale.ROOT, "ramp %6d/s: fed %8.0f/s, lag %s -> %s%n", rate, fed, lags,
          holds ? "held" : !fedAll ? "not held (the feeder fell short)" : "not held (lag above " + HELD_LAG_SECONDS
              + " s of input)");
      if (!holds) {
        break;
      }
      held = rate;
    }
    assertThat(held).as("the machine holds at least %d readings/s", RAMP[0]).isPositive();
    return held;
  }

  private static List<Minute> soak(Feeder feeder, FlinkRest rest, ConsumerLag lag, Map<String, String> jobs,
      Map<String, Vitals.Group> groups) throws Exception {
    System.out.println(Vitals.header(List.copyOf(jobs.keySet()), List.copyOf(groups.keySet())) + "   jm/tm heap floor, fed/s");
    List<Minute> minutes = new ArrayList<>();
    long start = System.nanoTime();
    for (int m = 1; m <= MINUTES; m++) {
      long end = start + Duration.ofMinutes(m).toNanos();
      long acked = feeder.acked();
      long tickStart = System.nanoTime();
      long[] floor = {Long.MAX_VALUE, Long.MAX_VALUE};
      while (System.nanoTime() < end) {
        try {
          long[] heaps = Vitals.heaps(rest);
          floor[0] = Math.min(floor[0], heaps[0]);
          floor[1] = Math.min(floor[1], heaps[1]);
        } catch (IOException busy) {
          // a slow answer on a busy machine: this tick has no heap sample
        }
        long next = Math.min(end, System.nanoTime() + HEAP_TICK.toNanos());
        Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000)); // the sampling clock
      }
      Vitals v = Vitals.sample(rest, lag, jobs, groups);
      double fed = (feeder.acked() - acked) / ((System.nanoTime() - tickStart) / 1e9);
      Minute minute = new Minute(m, v, Math.min(floor[0], v.jmHeap()), Math.min(floor[1], v.tmHeap()), fed);
      minutes.add(minute);
      System.out.println(row(minute));
    }
    return minutes;
  }

  private static String row(Minute m) {
    return m.vitals().row(m.n()) + String.format(Locale.ROOT, "   %d/%d MB, %.0f/s", m.jmHeapFloor() >> 20,
        m.tmHeapFloor() >> 20, m.fedPerSecond());
  }

  private static List<String> table(List<Minute> minutes, Map<String, String> jobs, Map<String, Vitals.Group> groups) {
    List<String> lines = new ArrayList<>();
    lines.add(Vitals.header(List.copyOf(jobs.keySet()), List.copyOf(groups.keySet())) + "   jm/tm heap floor, fed/s");
    minutes.forEach(m -> lines.add(row(m)));
    return lines;
  }

  /** The criteria, each against the first minute (taken after the ramp, with every class loaded and state built up). */
  private static void assertFlat(List<Minute> minutes, long[] heapMax, int rate) {
    Minute first = minutes.get(0);
    Minute last = minutes.get(minutes.size() - 1);
    for (Minute m : minutes) {
      Vitals v = m.vitals();
      assertThat(v.jmMetaspace()).as("jobmanager metaspace at minute %d", m.n())
          .isLessThanOrEqualTo(first.vitals().jmMetaspace() + METASPACE_MARGIN);
      assertThat(v.tmMetaspace()).as("taskmanager metaspace at minute %d", m.n())
          .isLessThanOrEqualTo(first.vitals().tmMetaspace() + METASPACE_MARGIN);
      v.checkpointBytes().forEach((job, bytes) -> assertThat(bytes).as("%s checkpoint at minute %d", job, m.n())
          .isBetween(0L, CHECKPOINT_BOUND));
      v.lag().forEach((stage, l) -> assertThat(l).as("%s lag at minute %d (rate %d/s)", stage, m.n(), rate)
          .isLessThanOrEqualTo((long) rate * SOAK_LAG_SECONDS));
      assertThat(m.fedPerSecond()).as("fed at minute %d", m.n()).isGreaterThanOrEqualTo(0.95 * rate);
    }
    for (Minute m : minutes) {
      assertThat(m.jmHeapFloor()).as("jobmanager heap floor at minute %d", m.n())
          .isLessThanOrEqualTo((long) (HEAP_FLOOR_CEILING * heapMax[0]));
      assertThat(m.tmHeapFloor()).as("taskmanager heap floor at minute %d", m.n())
          .isLessThanOrEqualTo((long) (HEAP_FLOOR_CEILING * heapMax[1]));
    }
    if (minutes.size() >= TREND_MINUTES) {
      List<Minute> firstHalf = minutes.subList(0, minutes.size() / 2);
      long jm = firstHalf.stream().mapToLong(Minute::jmHeapFloor).max().orElseThrow();
      long tm = firstHalf.stream().mapToLong(Minute::tmHeapFloor).max().orElseThrow();
      assertThat(last.jmHeapFloor()).as("jobmanager heap floor, last minute vs the first half's highest")
          .isLessThanOrEqualTo(jm + (long) (HEAP_FLOOR_DRIFT * heapMax[0]));
      assertThat(last.tmHeapFloor()).as("taskmanager heap floor, last minute vs the first half's highest")
          .isLessThanOrEqualTo(tm + (long) (HEAP_FLOOR_DRIFT * heapMax[1]));
    }
  }

  private static Map<String, Long> lags(ConsumerLag lag, Map<String, Vitals.Group> groups) throws Exception {
    Map<String, Long> result = new LinkedHashMap<>();
    for (Map.Entry<String, Vitals.Group> g : groups.entrySet()) {
      result.put(g.getKey(), lag.of(g.getValue().id(), g.getValue().topics()).values().stream()
          .mapToLong(Long::longValue).sum());
    }
    return result;
  }

  private static long maxLag(ConsumerLag lag, Map<String, Vitals.Group> groups) throws Exception {
    return lags(lag, groups).values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Appends the table to target/soak-report.txt next to the fault reports. */
  private static void writeTable(int rate, String load, List<String> table) {
    StringBuilder sb = new StringBuilder(String.format("soak %d min at %d/s, load average at the end %s%n", MINUTES,
        rate, load));
    table.forEach(line -> sb.append(line).append('\n'));
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "soak-report.txt"), sb, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.out.println("could not write target/soak-report.txt: " + e);
    }
  }
}
