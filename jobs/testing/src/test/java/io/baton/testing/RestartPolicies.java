package io.baton.testing;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.BatchFunction;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.Fn;
import io.baton.api.fn.RecordFunction;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import io.baton.schemas.wire.WireEncoder;
import io.baton.testing.ExpectedBatches.Rule;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The seven batch policies as two stages of one pipeline each (a policy-batched stage, then one batching its outputs
 * again), with the plain-Java rule each stage should follow, and the stage functions: each output says in its
 * fields what its function saw (count, smallest and largest source id, their sum), and may fail once
 * ({@link FailOnce}).
 *
 * <pre>{@code
 * PipelineDefinition def = RestartPolicies.pipeline("restart-keyed", true);
 * }</pre>
 */
final class RestartPolicies {
  private RestartPolicies() {}

  static final long MINUTE = 60_000;
  /** Count-like batches fill long before this wall-clock wait, so their time part never fires in the test. */
  static final Duration NEVER = Duration.ofHours(1);
  static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(2);

  /** One policy: its first and second stage, and the rule each follows. */
  record Policy(String name, Batch first, Rule firstRule, Batch second, Rule secondRule) {
    /** How many outputs of a stage hold each of its inputs: size/slide for sliding windows, else one. */
    static int copies(Rule rule) {
      return rule instanceof ExpectedBatches.Sliding s ? (int) (s.size() / s.slide()) : 1;
    }

    String firstStage() {
      return name + "-1";
    }

    String secondStage() {
      return name + "-2";
    }

    @Override
    public String toString() {
      return first + " then " + second;
    }
  }

  /** Bytes of a reading on the handoff topic: its one-letter key and its Confluent-framed value. */
  static final int READING_BYTES = 1 + WireEncoder.forSpecific(Reading.class, 1).encode(new Reading("a", 1.0, t(0))).length;
  /** Bytes of a batch's summary on the handoff topic, with a one-letter key (keyed) or none. */
  static int summaryBytes(Summary s, boolean keyed) {
    return (keyed ? 1 : 0) + WireEncoder.forSpecific(Summary.class, 1).encode(s).length;
  }

  private static final int SUMMARY_BYTES = summaryBytes(new Summary("a", t(0), t(1), 4, 1.0, 4.0, 10.0), true);

  static final List<Policy> POLICIES = List.of(
      new Policy("each", Batch.each(), Rule.each(), Batch.each(), Rule.each()),
      new Policy("count", Batch.count(4), Rule.fill(4, false), Batch.count(3), Rule.fill(3, false)),
      new Policy("count-or-time", Batch.countOrTime(4, NEVER), Rule.fill(4, false),
          Batch.countOrTime(3, NEVER), Rule.fill(3, false)),
      // Boxes of three and a half records: the fourth (third) record fills one, whatever a byte more or less.
      new Policy("bytes", Batch.bytes(4L * READING_BYTES - READING_BYTES / 2, NEVER),
          Rule.fill(4L * READING_BYTES - READING_BYTES / 2, true),
          Batch.bytes(3L * SUMMARY_BYTES - SUMMARY_BYTES / 2, NEVER), Rule.fill(3L * SUMMARY_BYTES - SUMMARY_BYTES / 2, true)),
      new Policy("every", Batch.every(Duration.ofMinutes(5)), Rule.sliding(5 * MINUTE, 5 * MINUTE),
          Batch.every(Duration.ofMinutes(15)), Rule.sliding(15 * MINUTE, 15 * MINUTE)),
      new Policy("sliding", Batch.sliding(Duration.ofMinutes(10), Duration.ofMinutes(5)), Rule.sliding(10 * MINUTE, 5 * MINUTE),
          Batch.sliding(Duration.ofMinutes(30), Duration.ofMinutes(15)), Rule.sliding(30 * MINUTE, 15 * MINUTE)),
      new Policy("session", Batch.session(Duration.ofMinutes(5)), Rule.session(5 * MINUTE),
          Batch.session(Duration.ofMinutes(60)), Rule.session(60 * MINUTE)));

  /** Event time {@code minutes} after the start of the day before yesterday (in the past: brokers refuse far futures). */
  static long t(long minutes) {
    return (System.currentTimeMillis() / 86_400_000L - 2) * 86_400_000L + minutes * MINUTE;
  }

  /** A source, then every policy's two stages reading it: keyed by sensor, or not. */
  static PipelineDefinition pipeline(String name, boolean keyed) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Reading> readings = p.source("readings",
          Topic.of(name + ".in", Reading.class).eventTime(Reading::getTimestamp, OUT_OF_ORDERNESS));
      for (Policy policy : POLICIES) {
        String job1 = name + "/" + policy.firstStage();
        String job2 = name + "/" + policy.secondStage();
        Batch first = keyed ? policy.first().keyedBy(Reading::getSensorId) : policy.first();
        Batch second = keyed ? policy.second().keyedBy(Summary::getSensorId) : policy.second();
        Stage<Summary> one;
        if (policy.firstRule() instanceof ExpectedBatches.Each) {
          RecordFunction<Reading, Summary> single = r -> summarize(job1, keyed ? r.getSensorId() : null, List.of(r));
          one = p.stage(policy.firstStage(), readings, first, single);
          RecordFunction<Summary, Summary> pass = s -> pass(job2, s);
          p.stage(policy.secondStage(), one, second, pass);
        } else {
          BatchFunction<String, Reading, Summary> batch = (key, rs) -> summarize(job1, key, rs);
          one = p.stage(policy.firstStage(), readings, first, batch);
          p.stage(policy.secondStage(), one, second, Fn.aggregate(RestartPolicies::empty, RestartPolicies::add,
              RestartPolicies::merge, (String key, BatchWindow w, double[] a) -> result(job2, key, a)));
        }
      }
      return p;
    };
  }

  /** What a batch of readings held: first and last time, count, smallest and largest id, sum of ids. */
  static Summary summarize(String job, String key, Collection<Reading> readings) {
    FailOnce.call(job);
    return new Summary(key == null ? "*" : key,
        readings.stream().mapToLong(Reading::getTimestamp).min().orElseThrow(),
        readings.stream().mapToLong(Reading::getTimestamp).max().orElseThrow(), readings.size(),
        readings.stream().mapToDouble(Reading::getCelsius).min().orElseThrow(),
        readings.stream().mapToDouble(Reading::getCelsius).max().orElseThrow(),
        readings.stream().mapToDouble(Reading::getCelsius).sum());
  }

  static Summary pass(String job, Summary s) {
    FailOnce.call(job);
    return Summary.newBuilder(s).build();
  }

  static double[] empty() {
    return new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0, Double.MAX_VALUE, -Double.MAX_VALUE, 0};
  }

  /** Summaries of summaries: the same fields over everything their inputs saw. */
  static double[] add(double[] a, Summary s) {
    return merge(a, new double[] {s.getWindowStart(), s.getWindowEnd(), s.getCount(), s.getMinCelsius(),
        s.getMaxCelsius(), s.getMeanCelsius()});
  }

  static double[] merge(double[] a, double[] b) {
    return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2], Math.min(a[3], b[3]),
        Math.max(a[4], b[4]), a[5] + b[5]};
  }

  static Summary result(String job, String key, double[] a) {
    FailOnce.call(job);
    return new Summary(key == null ? "*" : key, (long) a[0], (long) a[1], (int) a[2], a[3], a[4], a[5]);
  }
}
