package io.baton.cli;

import io.baton.connectors.BatonHeaders;
import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.Header;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.ReasonFilter;
import io.baton.connectors.TopicReader;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baton replay <pipeline> --stage S}: re-sends a stage's dead letters to the topic each was read
 * from, with the original key, value and headers plus {@code baton.replay.of} and {@code baton.replay.time},
 * so the stage judges them again (after a fix to its rules, a raised limit, a registered schema).
 * A dead letter is re-sent at most once: those whose marker is already in the input topic are skipped.
 *
 * <pre>{@code
 * baton replay sensor-story --stage readings --reason throttled --dry-run
 * baton replay sensor-story --stage readings --reason rule
 * }</pre>
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Re-send a stage's dead letters to its input topic, once each.")
final class ReplayCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Parameters(paramLabel = "<pipeline>", description = "Pipeline name, e.g. sensor-story.")
  String pipeline;

  @Option(names = "--stage", paramLabel = "<stage>", required = true, description = "The stage whose dead letters to re-send.")
  String stage;

  @Option(names = "--reason", paramLabel = "<reason>", converter = ReasonFilterConverter.class,
      description = "Only this reason: malformed, schema, too-large, throttled, late, rule:<name>, or rule for every rule.")
  ReasonFilter reason = ReasonFilter.any();

  @Option(names = "--dry-run", description = "Say what would be re-sent, send nothing.")
  boolean dryRun;

  @Option(names = "--include-replayed", description = "Also re-send letters of records that were replays already (they failed again).")
  boolean includeReplayed;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Plan plan = JobJar.plan(jar, pipeline);
    PlannedStage target = StageLetters.stages(plan, stage).get(0);
    String what = plan.pipeline() + "/" + target.name() + (reason.isAny() ? "" : " with reason " + reason.text());
    Cluster cluster = Cluster.of(context.select(), stack, null);
    ReplaySelection selection;
    try (TopicReader reader = new TopicReader(cluster.kafka())) {
      List<DeadLetterRecord> letters = StageLetters.read(reader, target, reason);
      if (letters.isEmpty()) {
        out.println("No dead letters in " + what + "; nothing to re-send");
        out.flush();
        return ExitCodes.OK;
      }
      selection = ReplaySelection.of(letters, markersIn(reader, sourceTopics(letters)), includeReplayed);
    }
    List<DeadLetterRecord> send = selection.toSend();
    String into = sourceTopics(send).stream().sorted().collect(Collectors.joining(", "));
    if (dryRun) {
      send.forEach(l -> out.println("would re-send " + l.marker() + " (" + l.reasonCode().orElse(null) + ") to " + l.sourceTopic().orElseThrow()));
    } else if (!send.isEmpty()) {
      try (LetterSender sender = LetterSender.connect(cluster.kafka())) {
        sender.send(send, Instant.now());
      }
    }
    out.println((dryRun ? "Would re-send " : "Re-sent ") + send.size() + " dead letter" + (send.size() == 1 ? "" : "s")
        + " of " + what + (send.isEmpty() ? "" : " to " + into + ": " + StageLetters.counts(StageLetters.byReason(send))));
    report(out, selection);
    if (!send.isEmpty() && !dryRun) {
      warnIfNotRunning(out, cluster, plan, target, into);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void report(PrintWriter out, ReplaySelection s) {
    if (!s.alreadyReplayed().isEmpty()) {
      out.println("Skipped " + s.alreadyReplayed().size() + " already replayed (their baton.replay.of marker is in the input topic): "
          + StageLetters.counts(StageLetters.byReason(s.alreadyReplayed())));
    }
    if (!s.failedAgain().isEmpty()) {
      out.println("Skipped " + s.failedAgain().size() + " that failed again after a replay (re-send them with --include-replayed): "
          + StageLetters.counts(StageLetters.byReason(s.failedAgain())));
    }
    if (!s.noSource().isEmpty()) {
      out.println("Skipped " + s.noSource().size() + " without a baton.source.topic header (nowhere to re-send them)");
    }
  }

  private static Set<String> sourceTopics(List<DeadLetterRecord> letters) {
    return letters.stream().flatMap(l -> l.sourceTopic().filter(t -> !t.isBlank()).stream()).collect(Collectors.toSet());
  }

  /** Every baton.replay.of value in the topics (all occurrences: a replayed replay keeps its history). */
  static Set<String> markersIn(TopicReader reader, Set<String> topics) {
    Set<String> markers = new HashSet<>();
    for (String topic : topics) {
      for (KafkaRecord r : reader.readCommitted(topic)) {
        r.headers().stream().filter(h -> h.key().equals(BatonHeaders.REPLAY_OF)).map(Header::valueAsString).forEach(markers::add);
      }
    }
    return markers;
  }

  /** Re-sent records wait in the input topic until the stage runs; say so when it does not. */
  private static void warnIfNotRunning(PrintWriter out, Cluster cluster, Plan plan, PlannedStage stage, String into) {
    try {
      FlinkRest flink = new FlinkRest(cluster.flinkUrl());
      boolean running = StopCommand.runningJobs(flink, plan.pipeline()).stream().anyMatch(j -> j.name().equals(stage.jobName()));
      if (!running) {
        out.println("Note: " + stage.jobName() + " is not running; the re-sent records wait in " + into
            + " until it does (./baton run " + plan.pipeline() + ")");
      }
    } catch (IOException e) {
      out.println("Note: could not ask Flink whether " + stage.jobName() + " runs: " + e.getMessage());
    }
  }
}
