package io.baton.api.internal;

import io.baton.api.Problem;
import io.baton.api.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Rules on what stages write: a known Avro class, sane options, declared outputs, one writer per topic. */
final class OutputRules {
  private OutputRules() {}

  static List<Problem> validateOutputClass(ResolvedStage s, Resolution r) {
    StageDeclaration d = s.declaration();
    Class<?> out = s.outputClass();
    if (!d.source() && d.function() == null && d.options().produces() == null) {
      return List.of(); // nothing to tell from: the missing function is the problem
    }
    if (out == null) {
      return List.of(new Problem(s.name(), "cannot tell which Avro class it writes from its function",
          "p.stage(\"" + s.name() + "\", ..).produces(Out.class)"));
    }
    if (!SpecificRecord.class.isAssignableFrom(out)) {
      return List.of(new Problem(s.name(), "writes " + out.getName() + ", which is not an Avro SpecificRecord (no schema)",
          "generate " + out.getSimpleName() + " from an .avsc schema with avro-maven-plugin"));
    }
    return List.of();
  }

  static List<Problem> validateOptions(ResolvedStage s, Resolution r) {
    StageOptions o = s.declaration().options();
    List<Problem> problems = new ArrayList<>();
    if (o.parallelism() < 1) {
      problems.add(new Problem(s.name(), "parallelism must be at least 1, got " + o.parallelism(), ".parallelism(1)"));
    }
    if (o.outputPartitions() < 0) {
      problems.add(new Problem(s.name(), "output partitions must be positive, got " + o.outputPartitions(),
          ".outputPartitions(1)"));
    }
    return problems;
  }

  /** p.output(..) names a stage of this pipeline that writes the topic's class. */
  static List<Problem> validateOutputs(Resolution r) {
    Map<String, ResolvedStage> resolved = new HashMap<>();
    r.stages().forEach(s -> resolved.put(s.name(), s));
    List<Problem> problems = new ArrayList<>();
    for (PipelineDeclaration.Output o : r.pipeline().outputs()) {
      String stage = o.stage().name();
      if (!r.declares(o.stage())) {
        problems.add(new Problem(stage, "p.output(..) names a stage that is not declared in this pipeline",
            "pass the Stage returned by p.stage(..) of pipeline '" + r.name() + "'"));
        continue;
      }
      Class<?> written = resolved.containsKey(stage) ? resolved.get(stage).outputClass() : null;
      Topic<?> topic = o.topic();
      if (written != null && !topic.recordClass().equals(written)) {
        problems.add(new Problem(stage, "writes " + written.getSimpleName() + " but p.output(..) declares topic '"
            + topic.name() + "' of " + topic.recordClass().getSimpleName(),
            "Topic.of(\"" + topic.name() + "\", " + written.getSimpleName() + ".class)"));
      }
    }
    return problems;
  }

  /** Each topic has one writer, none writes the lineage topic, and a source does not write the topic it reads. */
  static List<Problem> validateOutputTopicsUnique(Resolution r) {
    Map<String, String> writer = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (ResolvedStage s : r.stages()) {
      String other = writer.putIfAbsent(s.outputTopic(), s.name());
      if (other != null) {
        problems.add(new Problem(s.name(), "writes topic '" + s.outputTopic() + "', which stage '" + other + "' writes too",
            "give one of them its own .outputTopic(..)"));
      }
      if (s.outputTopic().equals(ResourceNames.lineageTopic(r.name()))) {
        problems.add(new Problem(s.name(), "writes topic '" + s.outputTopic() + "', the pipeline's lineage topic",
            "give the stage its own .outputTopic(..)"));
      }
      if (s.declaration().source() && s.inputTopics().contains(s.outputTopic())) {
        problems.add(new Problem(s.name(), "reads and writes the same topic '" + s.outputTopic() + "'",
            "name the source topic differently from '<pipeline>.<stage>'"));
      }
    }
    return problems;
  }
}
