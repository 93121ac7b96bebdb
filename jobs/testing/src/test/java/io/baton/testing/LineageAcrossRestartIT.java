package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.Provenance;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import io.baton.testing.ExpectedBatches.Input;
import io.baton.testing.ExpectedBatches.Released;
import io.baton.testing.RestartPolicies.Policy;
import io.baton.testing.RestartRun.Outcome;
import io.baton.testing.RestartRun.Sent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lineage stays exact across a failure and a restart from a checkpoint, for every batch policy, keyed and unkeyed,
 * across two batching stages: each stage fails once after it has written output that its restart rolls back
 * ({@link RestartRun}); then, reading {@code read_committed}, every committed output's lineage names only committed
 * inputs (never a rolled-back record), and followed through both stages back to the source it holds exactly the
 * readings that plain Java puts in that batch ({@link ExpectedBatches}), each reading in as many outputs as the policy
 * says, none missing. One pipeline per keying runs all seven policies at once (fifteen jobs).
 */
class LineageAcrossRestartIT {
  private static final Map<Boolean, Object> OUTCOMES = new HashMap<>();

  static Stream<Arguments> cases() {
    return Stream.of(true, false).flatMap(keyed -> RestartPolicies.POLICIES.stream()
        .map(policy -> Arguments.of(policy, keyed ? "keyed by sensor" : "unkeyed")));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("cases")
  void lineageAfterARestartNamesExactlyTheCommittedInputsOfEachBatch(Policy policy, String keying) throws Exception {
    boolean keyed = keying.startsWith("keyed");
    Outcome run = outcome(keyed);
    String name = run.pipeline();
    String first = name + "." + policy.firstStage();
    String second = name + "." + policy.secondStage();

    // The failures were real: each stage restarted from a checkpoint and rolled back output it had written.
    for (String stage : List.of(policy.firstStage(), policy.secondStage())) {
      assertThat(run.exceptions().get(stage)).as("%s's failure", stage).contains(FailOnce.MESSAGE);
      assertThat(run.checkpoints().get(stage)).as("%s restored a checkpoint", stage).contains("\"restored\":{\"id\":");
      assertThat(run.committed().get(name + "." + stage + ".dead-letter")).as("dead letters of %s", stage).isEmpty();
    }
    Set<Long> rolledBackFirst = rolledBack(run, first);
    assertThat(rolledBackFirst).as("records of %s rolled back by its restart", first).isNotEmpty();
    assertThat(rolledBack(run, second)).as("records of %s rolled back by its restart", second).isNotEmpty();
    System.out.printf("%s, %s: %s %d committed, %d rolled back; %s %d committed, %d rolled back%n", policy, keying,
        policy.firstStage(), run.committed().get(first).size(), rolledBackFirst.size(), policy.secondStage(),
        run.committed().get(second).size(), rolledBack(run, second).size());

    Map<Integer, Sent> sent = RestartRun.waves().stream().flatMap(List::stream)
        .collect(Collectors.toMap(Sent::id, s -> s));
    Map<Long, SortedSet<Integer>> readings = readingIds(run, sent);

    // First stage: lineage into the source stage's output, content and batches.
    Map<Long, SortedSet<Integer>> firstIds = new LinkedHashMap<>();
    Map<Long, Summary> firstContent = new HashMap<>();
    List<long[]> firstInputs = new ArrayList<>();
    for (KafkaRecord r : run.committed().get(first)) {
      long[] inputs = inputs(r, name + ".readings", readings.keySet(), Set.of());
      firstInputs.add(inputs);
      SortedSet<Integer> ids = union(inputs, readings);
      Summary s = Decoding.one(PipelineTestDriver.shared(), r, Summary.class);
      assertThat(content(s)).as("what %s:%d says it summarized", first, r.offset()).isEqualTo(fromReadings(ids, sent));
      firstIds.put(r.offset(), ids);
      firstContent.put(r.offset(), s);
    }
    List<Released> expectedFirst = ExpectedBatches.release(policy.firstRule(), keyed, sent.values().stream()
        .sorted((a, b) -> Integer.compare(a.id(), b.id()))
        .map(s -> new Input(new TreeSet<>(Set.of(s.id())), s.sensor(), s.timestamp(), RestartPolicies.READING_BYTES))
        .toList());
    assertThat(real(firstIds.values())).as("batches of %s, as source readings", first)
        .containsExactlyInAnyOrderElementsOf(real(expectedFirst.stream().map(Released::ids).toList()));
    assertCopies(realOffsets(readings), firstInputs, Policy.copies(policy.firstRule()), first);

    // Second stage: lineage into the first stage's output (never its rolled-back records), then on to the source.
    Set<Long> committedFirst = firstIds.keySet();
    Map<Long, SortedSet<Integer>> secondIds = new LinkedHashMap<>();
    List<long[]> secondInputs = new ArrayList<>();
    for (KafkaRecord r : run.committed().get(second)) {
      long[] inputs = inputs(r, first, committedFirst, rolledBackFirst);
      Summary s = Decoding.one(PipelineTestDriver.shared(), r, Summary.class);
      assertThat(content(s)).as("what %s:%d says it summarized", second, r.offset())
          .isEqualTo(fromSummaries(Arrays.stream(inputs).mapToObj(firstContent::get).toList()));
      secondIds.put(r.offset(), union(inputs, firstIds));
      secondInputs.add(inputs);
    }
    List<Input> expectedSecondInputs = expectedFirst.stream().map(b -> new Input(b.ids(), keyed ? b.key() : "*",
        b.timestamp(), RestartPolicies.summaryBytes(expectedSummary(b, keyed, sent), keyed))).toList();
    List<Released> expectedSecond = ExpectedBatches.release(policy.secondRule(), keyed, expectedSecondInputs);
    assertThat(real(secondIds.values())).as("batches of %s, followed through %s to source readings", second, first)
        .containsExactlyInAnyOrderElementsOf(real(expectedSecond.stream().map(Released::ids).toList()));
    assertCopies(realOffsets(firstIds), secondInputs, Policy.copies(policy.secondRule()), second);
  }

  private static synchronized Outcome outcome(boolean keyed) throws Exception {
    Object done = OUTCOMES.get(keyed);
    if (done == null) {
      String name = keyed ? "restart-keyed" : "restart-unkeyed";
      Map<String, Integer> finalOutputs = new LinkedHashMap<>();
      List<Sent> sent = RestartRun.waves().stream().flatMap(List::stream).toList();
      Map<Integer, Sent> byId = sent.stream().collect(Collectors.toMap(Sent::id, s -> s));
      for (Policy policy : RestartPolicies.POLICIES) {
        List<Released> first = ExpectedBatches.release(policy.firstRule(), keyed, sent.stream().map(s -> new Input(
            new TreeSet<>(Set.of(s.id())), s.sensor(), s.timestamp(), RestartPolicies.READING_BYTES)).toList());
        List<Released> second = ExpectedBatches.release(policy.secondRule(), keyed, first.stream().map(b -> new Input(
            b.ids(), keyed ? b.key() : "*", b.timestamp(), RestartPolicies.summaryBytes(expectedSummary(b, keyed, byId),
            keyed))).toList());
        finalOutputs.put(policy.secondStage(), real(second.stream().map(Released::ids).toList()).size());
      }
      long started = System.nanoTime();
      try {
        done = RestartRun.run(PipelineTestDriver.shared(), name, keyed, finalOutputs);
      } catch (Exception | AssertionError e) {
        done = e;
      }
      System.out.printf("LineageAcrossRestartIT: %s ran in %d s%n", name, (System.nanoTime() - started) / 1_000_000_000L);
      OUTCOMES.put(keyed, done);
    }
    if (done instanceof Exception e) {
      throw e;
    }
    if (done instanceof AssertionError e) {
      throw e;
    }
    return (Outcome) done;
  }

  /** Offsets of {@code topic} that a {@code read_uncommitted} reader sees and a {@code read_committed} one does not. */
  private static Set<Long> rolledBack(Outcome run, String topic) {
    Set<Long> aborted = new HashSet<>(run.everything().get(topic));
    run.committed().get(topic).forEach(r -> aborted.remove(r.offset()));
    return aborted;
  }

  /** The source reading behind each committed record of the source stage: exactly one each, every reading once. */
  private static Map<Long, SortedSet<Integer>> readingIds(Outcome run, Map<Integer, Sent> sent) throws Exception {
    String in = run.pipeline() + ".in";
    Map<Long, Integer> idAt = new HashMap<>();
    for (KafkaRecord r : run.committed().get(in)) {
      idAt.put(r.offset(), (int) Decoding.one(PipelineTestDriver.shared(), r, Reading.class).getCelsius());
    }
    Map<Long, SortedSet<Integer>> readings = new LinkedHashMap<>();
    for (KafkaRecord r : run.committed().get(run.pipeline() + ".readings")) {
      long[] inputs = inputs(r, in, idAt.keySet(), Set.of());
      assertThat(inputs).as("inputs of %s", r).hasSize(1);
      readings.put(r.offset(), new TreeSet<>(Set.of(idAt.get(inputs[0]))));
    }
    assertThat(readings.values().stream().map(SortedSet::first).toList()).as("source readings handed on")
        .containsExactlyInAnyOrderElementsOf(sent.keySet());
    return readings;
  }

  /**
   * The exact input offsets a record's lineage names in {@code inputTopic} (its one partition), checked to be among
   * {@code committed} and none of {@code rolledBack}.
   */
  private static long[] inputs(KafkaRecord r, String inputTopic, Set<Long> committed, Set<Long> rolledBack) {
    Provenance lineage = Provenance.fromHeaders(r.headers(), List.of(inputTopic)).orElseThrow(() ->
        new AssertionError(r + " carries no lineage"));
    assertThat(lineage.inputs().isExact()).as("lineage of %s is exact", r).isTrue();
    assertThat(lineage.inputs().partitions()).as("lineage of %s", r).containsExactly(new TopicPartition(inputTopic, 0));
    long[] offsets = lineage.inputs().offsets(inputTopic, 0);
    Set<Long> named = Arrays.stream(offsets).boxed().collect(Collectors.toSet());
    assertThat(named.stream().filter(rolledBack::contains).toList()).as("rolled-back records %s names", r).isEmpty();
    assertThat(committed).as("committed records of %s, all that %s names", inputTopic, r).containsAll(named);
    return offsets;
  }

  private static SortedSet<Integer> union(long[] offsets, Map<Long, SortedSet<Integer>> ids) {
    SortedSet<Integer> all = new TreeSet<>();
    for (long o : offsets) {
      all.addAll(ids.get(o));
    }
    return all;
  }

  /** Each batch's ids as text, those of real readings only; a batch mixing real readings and sentinels is an error. */
  private static List<String> real(java.util.Collection<SortedSet<Integer>> batches) {
    List<String> out = new ArrayList<>();
    for (SortedSet<Integer> ids : batches) {
      boolean sentinels = ids.last() >= RestartRun.SENTINEL;
      assertThat(sentinels && ids.first() < RestartRun.SENTINEL).as("a batch of readings and sentinels: %s", ids).isFalse();
      if (!sentinels) {
        out.add(ids.toString());
      }
    }
    return out;
  }

  /** Offsets of the records that stand for real readings, not sentinels. */
  private static Set<Long> realOffsets(Map<Long, SortedSet<Integer>> ids) {
    return ids.entrySet().stream().filter(e -> e.getValue().first() < RestartRun.SENTINEL).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** Every real input of a stage is named by exactly {@code copies} of its outputs (sentinels aside). */
  private static void assertCopies(Set<Long> realInputs, List<long[]> named, int copies, String stage) {
    Map<Long, Integer> count = new HashMap<>();
    named.forEach(offsets -> Arrays.stream(offsets).forEach(o -> count.merge(o, 1, Integer::sum)));
    count.keySet().retainAll(realInputs);
    Map<Long, Integer> expected = realInputs.stream().collect(Collectors.toMap(o -> o, o -> copies));
    assertThat(count).as("how many outputs of %s name each of its inputs", stage).isEqualTo(expected);
  }

  /** count, first time, last time, smallest id, largest id, sum of ids. */
  private static List<Object> content(Summary s) {
    return List.of(s.getCount(), s.getWindowStart(), s.getWindowEnd(), s.getMinCelsius(), s.getMaxCelsius(),
        s.getMeanCelsius());
  }

  private static List<Object> fromReadings(SortedSet<Integer> ids, Map<Integer, Sent> sent) {
    return List.of(ids.size(), ids.stream().mapToLong(i -> sent.get(i).timestamp()).min().orElseThrow(),
        ids.stream().mapToLong(i -> sent.get(i).timestamp()).max().orElseThrow(), (double) ids.first(),
        (double) ids.last(), ids.stream().mapToDouble(i -> i).sum());
  }

  private static List<Object> fromSummaries(List<Summary> inputs) {
    return List.of(inputs.stream().mapToInt(Summary::getCount).sum(),
        inputs.stream().mapToLong(Summary::getWindowStart).min().orElseThrow(),
        inputs.stream().mapToLong(Summary::getWindowEnd).max().orElseThrow(),
        inputs.stream().mapToDouble(Summary::getMinCelsius).min().orElseThrow(),
        inputs.stream().mapToDouble(Summary::getMaxCelsius).max().orElseThrow(),
        inputs.stream().mapToDouble(Summary::getMeanCelsius).sum());
  }

  /** The summary the first stage writes for an expected batch (its size weighs in a bytes policy). */
  static Summary expectedSummary(Released batch, boolean keyed, Map<Integer, Sent> sent) {
    SortedSet<Integer> ids = batch.ids();
    List<Object> c = fromReadings(ids, sent);
    return new Summary(keyed ? batch.key() : "*", (long) c.get(1), (long) c.get(2), (int) c.get(0), (double) c.get(3),
        (double) c.get(4), (double) c.get(5));
  }
}
