package io.baton.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.ReasonFilter;
import io.baton.connectors.TopicReader;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baton dead-letters <pipeline>}: what each stage rejected and why, one line per dead letter
 * (stage, reason, source topic:partition:offset, time, error, value as JSON where it decodes), then
 * counts by reason.
 *
 * <pre>{@code
 * baton dead-letters sensor-story
 * baton dead-letters sensor-story --stage readings --reason rule --json
 * }</pre>
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
    description = "List what a pipeline's stages rejected, and why.")
final class DeadLettersCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Mixin
  RegistryOptions registry;

  @Parameters(paramLabel = "<pipeline>", description = "Pipeline name, e.g. sensor-story.")
  String pipeline;

  @Option(names = "--stage", paramLabel = "<stage>", description = "Only this stage's dead letters (default: every stage).")
  String stage;

  @Option(names = "--reason", paramLabel = "<reason>", converter = ReasonFilterConverter.class,
      description = "Only this reason: malformed, schema, too-large, throttled, late, rule:<name>, or rule for every rule.")
  ReasonFilter reason = ReasonFilter.any();

  @Option(names = "--limit", paramLabel = "<n>", defaultValue = "100", description = "Show at most n letters (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "One JSON object per line, then a summary object.")
  boolean json;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  /** A letter with the stage whose topic holds it. */
  private record Found(PlannedStage stage, DeadLetterRecord letter) {}

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1 but was " + limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    registry.config(stack); // every registry problem is a usage error before anything else is needed
    Plan plan = JobJar.plan(jar, pipeline);
    List<PlannedStage> stages = StageLetters.stages(plan, stage);
    Cluster cluster = Cluster.of(context.select(), stack, registry);
    try (TopicReader reader = new TopicReader(cluster.kafka());
         LetterDecoder decoder = LetterDecoder.of(plan, cluster.registry())) {
      List<Found> found = new ArrayList<>();
      for (PlannedStage s : stages) {
        StageLetters.read(reader, s, reason).forEach(l -> found.add(new Found(s, l)));
      }
      List<Found> shown = found.stream().limit(limit).toList();
      for (Found f : shown) {
        LetterDecoder.Decoded value = decoder.decode(f.stage(), f.letter());
        out.println(json ? JSON.writeValueAsString(asJson(f, value)) : asLine(f, value));
      }
      Map<String, Long> counts = StageLetters.byReason(found.stream().map(Found::letter).toList());
      out.println(json ? JSON.writeValueAsString(summaryJson(plan, stages, found.size(), shown.size(), counts))
          : summary(plan, found.size(), shown.size(), counts));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String asLine(Found f, LetterDecoder.Decoded value) {
    DeadLetterRecord l = f.letter();
    return f.stage().name() + "  " + l.reasonCode().orElse(null) + "  from " + l.source() + "  at " + l.time().map(Instant::toString).orElse("?")
        + "  error: " + oneLine(l.error().orElse("")) + "  value: " + value.text()
        + l.replayOf().map(r -> "  (replay of " + r + ")").orElse("");
  }

  private static ObjectNode asJson(Found f, LetterDecoder.Decoded value) {
    DeadLetterRecord l = f.letter();
    ObjectNode o = JSON.createObjectNode();
    o.put("stage", f.stage().name());
    o.put("reason", l.reasonCode().orElse(null));
    l.rule().ifPresent(r -> o.put("rule", r));
    o.put("error", l.error().orElse(null));
    ObjectNode source = o.putObject("source");
    source.put("topic", l.sourceTopic().orElse(null));
    if (l.sourcePartition().isPresent()) {
      source.put("partition", l.sourcePartition().getAsInt());
    }
    if (l.sourceOffset().isPresent()) {
      source.put("offset", l.sourceOffset().getAsLong());
    }
    o.put("time", l.time().map(Instant::toString).orElse(null));
    o.put("deadLetter", l.marker());
    byte[] key = l.record().key();
    o.put("key", key == null ? null : new String(key, StandardCharsets.UTF_8));
    o.set("value", value.json());
    o.put("valueBytes", value.bytes());
    if (value.via() != null) {
      o.put("decodedAs", value.via());
    }
    if (!value.decodable()) {
      o.put("undecodable", value.problem());
    }
    l.replayOf().ifPresent(r -> o.put("replayOf", r));
    return o;
  }

  private String summary(Plan plan, int total, int shown, Map<String, Long> counts) {
    String where = plan.pipeline() + (stage == null ? "" : "/" + stage) + (reason.isAny() ? "" : " with reason " + reason.text());
    if (total == 0) {
      return "No dead letters in " + where;
    }
    return total + " dead letter" + (total == 1 ? "" : "s") + " in " + where + ": " + StageLetters.counts(counts)
        + (shown < total ? "; showing the first " + shown + " (raise --limit to see more)" : "");
  }

  private ObjectNode summaryJson(Plan plan, List<PlannedStage> stages, int total, int shown, Map<String, Long> counts) {
    ObjectNode summary = JSON.createObjectNode();
    ObjectNode s = summary.putObject("summary");
    s.put("pipeline", plan.pipeline());
    stages.forEach(st -> s.withArray("stages").add(st.name()));
    if (!reason.isAny()) {
      s.put("reason", reason.text());
    }
    s.put("letters", total);
    s.put("shown", shown);
    ObjectNode byReason = s.putObject("byReason");
    counts.forEach(byReason::put);
    return summary;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
