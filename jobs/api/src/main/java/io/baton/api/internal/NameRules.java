package io.baton.api.internal;

import io.baton.api.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules on names: pipeline, stages and topics must be legal, and stage names unique. */
final class NameRules {
  private NameRules() {}

  static List<Problem> validatePipelineName(Resolution r) {
    if (Names.validName(r.name())) {
      return List.of();
    }
    return List.of(Problem.ofPipeline("name '" + r.name() + "' " + Names.nameRule(),
        "Pipeline.named(\"" + Names.suggest(r.name()) + "\")"));
  }

  static List<Problem> validateStageNames(Resolution r) {
    return r.pipeline().stages().stream().filter(d -> !Names.validName(d.name()))
        .map(d -> new Problem(String.valueOf(d.name()), "name " + Names.nameRule(),
            d.kind().call() + "(\"" + Names.suggest(d.name()) + "\", ..)"))
        .toList();
  }

  static List<Problem> validateUniqueNames(Resolution r) {
    Set<String> seen = new HashSet<>();
    return r.pipeline().stages().stream().filter(d -> !seen.add(d.name()))
        .map(d -> new Problem(d.name(), "two stages have this name", "give each p.source(..)/p.stage(..) its own name"))
        .toList();
  }

  static List<Problem> validateSourceTopicName(ResolvedStage s, Resolution r) {
    if (!s.declaration().source()) {
      return List.of();
    }
    String topic = s.declaration().topic().name();
    return topicName(s.name(), topic, "Topic.of(\"" + topic + "\", ..)");
  }

  /** Checked where the stage or p.output(..) names the topic; Baton's own names are legal. */
  static List<Problem> validateOutputTopicName(ResolvedStage s, Resolution r) {
    if (s.declaration().options().outputTopic() == null && s.declaredOutput() == null) {
      return List.of();
    }
    return topicName(s.name(), s.outputTopic(), ".outputTopic(\"" + Names.suggest(s.outputTopic()) + "\")");
  }

  private static List<Problem> topicName(String stage, String topic, String fix) {
    List<Problem> problems = new ArrayList<>();
    if (!Names.validTopic(topic)) {
      problems.add(new Problem(stage, "topic name '" + topic + "' is not a legal Kafka topic name "
          + "(letters, digits, '.', '_', '-'; at most 249)", fix));
    }
    return problems;
  }
}
