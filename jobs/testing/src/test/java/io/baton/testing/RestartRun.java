package io.baton.testing;

import static org.awaitility.Awaitility.await;

import io.baton.api.PipelineDefinition;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import io.baton.testing.RestartPolicies.Policy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs one pipeline of {@link RestartPolicies} streaming, exactly-once, with checkpoints only when the run asks for
 * them, and makes every policy's two stages fail once in the middle, after output of theirs is in the broker
 * uncommitted:
 * <ol>
 *   <li>wave 1 in, checkpoints until every second stage has committed output and no transaction is open;
 *   <li>the first stages armed, wave 2 in; only the source checkpoints: each first stage writes output of wave 2
 *       (uncommitted), fails, and restarts from its wave-1 checkpoint;
 *   <li>the second stages armed; the source and first stages checkpoint: each second stage writes output (uncommitted),
 *       fails, and restarts from its wave-1 checkpoint;
 *   <li>wave 3 and two late sentinels in (they close every window of real readings, in both stages); checkpoints
 *       until every second stage has committed all it should.
 * </ol>
 */
final class RestartRun {
  static final Duration WAIT = Duration.ofMinutes(3);
  /** Ids from here on are sentinels: readings whose only job is to move event time past every real window. */
  static final int SENTINEL = 1_000;
  private static final List<String> SENSORS = List.of("a", "b", "c");

  private RestartRun() {}

  /** One reading sent: its id (also its celsius), sensor (Kafka key) and event time. */
  record Sent(int id, String sensor, long timestamp) {}

  /** What the run left in Kafka and what Flink says about each failing job. */
  record Outcome(String pipeline, Map<String, List<KafkaRecord>> committed, Map<String, Set<Long>> everything,
      Map<String, String> exceptions, Map<String, String> checkpoints) {}

  /**
   * Six groups of three bursts of twelve readings (sensors a, b, c in turn) one minute apart, 20 minutes between
   * bursts and two hours between groups, then two sentinels 12 and 24 hours on; sent in three waves that end inside
   * batches (30 readings of each sensor first, 4 + 2 per sensor for a batch of 4, 7 = 2 * 3 + 1 such batches for one
   * of 3), so the checkpoints the restarts go back to hold open batches in both stages.
   */
  static List<List<Sent>> waves() {
    List<Sent> sent = new ArrayList<>();
    int id = 0;
    long minute = 0;
    for (int group = 0; group < 6; group++) {
      for (int burst = 0; burst < 3; burst++) {
        for (int i = 0; i < 12; i++) {
          sent.add(new Sent(++id, SENSORS.get(i % 3), RestartPolicies.t(minute++)));
        }
        minute += burst < 2 ? 20 : 120;
      }
    }
    sent.add(new Sent(SENTINEL + 1, "a", RestartPolicies.t(minute + 12 * 60)));
    sent.add(new Sent(SENTINEL + 2, "a", RestartPolicies.t(minute + 24 * 60)));
    return List.of(sent.subList(0, 90), sent.subList(90, 174), sent.subList(174, sent.size()));
  }

  /** Runs {@code name} through the four steps; {@code finalOutputs} says how many real outputs each second stage owes. */
  static Outcome run(PipelineTestDriver driver, String name, boolean keyed, Map<String, Integer> finalOutputs)
      throws Exception {
    PipelineDefinition definition = RestartPolicies.pipeline(name, keyed);
    List<String> firsts = RestartPolicies.POLICIES.stream().map(Policy::firstStage).toList();
    List<String> seconds = RestartPolicies.POLICIES.stream().map(Policy::secondStage).toList();
    for (String stage : concat(firsts, seconds)) {
      FailOnce.register(name + "/" + stage, name + "." + stage, driver.bootstrapServers());
    }
    List<List<Sent>> waves = waves();
    Checkpoints checkpoints = new Checkpoints(driver.flinkWebUrl());
    Outcome outcome;
    long started = System.nanoTime();
    StringBuilder took = new StringBuilder(name + ":");
    Runnable mark = () -> took.append(String.format(" %.1f s", (System.nanoTime() - started) / 1e9));
    try (RunningPipeline run = driver.start(definition, driver.settings(false).checkpointInterval(RestartPolicies.NEVER));
        Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", driver.bootstrapServers()))) {
      Function<List<String>, List<String>> ids = stages -> stages.stream()
          .map(s -> run.job(s).getJobID().toHexString()).toList();
      List<String> all = ids.apply(concat(List.of("readings"), concat(firsts, seconds)));
      List<String> outputs = concat(List.of("readings"), concat(firsts, seconds)).stream().map(s -> name + "." + s).toList();

      mark.run();
      pipe(driver, name, waves.get(0));
      await("wave 1 committed by every stage").atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() ->
          checkpoints.round(all) >= 0 && seconds.stream().allMatch(s -> !driver.readAllRaw(name + "." + s).isEmpty())
              && settled(admin, outputs));

      mark.run();
      firsts.forEach(s -> FailOnce.arm(name + "/" + s));
      pipe(driver, name, waves.get(1));
      await("every first stage failed after uncommitted output").atMost(WAIT).pollInterval(Duration.ofMillis(100))
          .until(() -> checkpoints.round(ids.apply(List.of("readings"))) >= 0
              && firsts.stream().allMatch(s -> FailOnce.failed(name + "/" + s)));

      mark.run();
      // The second stages have had no checkpoint since wave 1 settled, nor new committed input: a transaction open
      // on their outputs now would be made of records they read uncommitted.
      await("no second stage wrote output, having no new committed input").atMost(Duration.ofSeconds(30))
          .until(() -> settled(admin, seconds.stream().map(s -> name + "." + s).toList()));
      seconds.forEach(s -> FailOnce.arm(name + "/" + s));
      await("every second stage failed after uncommitted output").atMost(WAIT).pollInterval(Duration.ofMillis(100))
          .until(() -> checkpoints.round(ids.apply(concat(List.of("readings"), firsts))) >= 0
              && seconds.stream().allMatch(s -> FailOnce.failed(name + "/" + s)));

      mark.run();
      pipe(driver, name, waves.get(2));
      await("every second stage committed all its outputs").atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() ->
          checkpoints.round(all) >= 0 && finalOutputs.entrySet().stream().allMatch(e -> realOutputs(driver, name + "."
              + e.getKey()) >= e.getValue()) && settled(admin, outputs));

      mark.run();
      Map<String, String> exceptions = new HashMap<>();
      Map<String, String> restored = new HashMap<>();
      String web = driver.flinkWebUrl();
      for (String stage : concat(firsts, seconds)) {
        String job = web + "/jobs/" + run.job(stage).getJobID().toHexString();
        exceptions.put(stage, get(job + "/exceptions"));
        restored.put(stage, get(job + "/checkpoints"));
      }
      outcome = new Outcome(name, new LinkedHashMap<>(), new HashMap<>(), exceptions, restored);
    }
    // Read back on several threads: each read is a client of its own, mostly waiting on the broker.
    List<String> stageTopics = concat(firsts, seconds).stream().map(s -> name + "." + s).toList();
    List<String> topics = concat(List.of(name + ".in", name + ".readings"),
        concat(stageTopics, stageTopics.stream().map(t -> t + ".dead-letter").toList()));
    outcome.committed().putAll(topics.parallelStream().collect(Collectors.toMap(t -> t, driver::readAllRaw)));
    outcome.everything().putAll(stageTopics.parallelStream().collect(Collectors.toMap(t -> t,
        t -> TopicEnds.uncommittedOffsets(driver.bootstrapServers(), t))));
    mark.run();
    System.out.println("RestartRun " + took + " (started, wave 1 settled, first stages failed, second stages failed,"
        + " all committed, read back)");
    return outcome;
  }

  private static void pipe(PipelineTestDriver driver, String name, List<Sent> wave) {
    for (Sent s : wave) {
      driver.pipe(name + ".in", s.sensor(), new Reading(s.sensor(), (double) s.id(), s.timestamp()), s.timestamp());
    }
  }

  /** No transaction with records is open on any of {@code topics}. */
  private static boolean settled(Admin admin, List<String> topics) throws Exception {
    for (String topic : topics) {
      if (TopicEnds.of(admin, topic).open()) {
        return false;
      }
    }
    return true;
  }

  private static long realOutputs(PipelineTestDriver driver, String topic) {
    return driver.readAll(topic, Summary.class).stream().filter(s -> s.getMaxCelsius() < SENTINEL).count();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
