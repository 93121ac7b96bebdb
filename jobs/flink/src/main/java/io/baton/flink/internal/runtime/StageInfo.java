package io.baton.flink.internal.runtime;

import io.baton.api.internal.ResourceNames;

import io.baton.api.internal.StageSpec;
import io.baton.schemas.wire.ClassRef;
import java.io.Serializable;
import java.util.List;

/**
 * What every operator of a stage job needs to know about its stage, in serializable form.
 *
 * @param pipeline pipeline name
 * @param stage stage name
 * @param version stage version stamped on outputs
 * @param inputTopics topics read; a record's side is the index of its topic here (co-group: 0 left, 1 right)
 * @param outputTopic handoff topic written
 * @param outputClass Avro class written
 * @param deadLetterTopic where rejected records go
 * @param lineage whether outputs carry the lineage header
 */
public record StageInfo(String pipeline, String stage, String version, List<String> inputTopics,
    String outputTopic, ClassRef<?> outputClass, String deadLetterTopic, boolean lineage) implements Serializable {

  public StageInfo {
    inputTopics = List.copyOf(inputTopics);
  }

  public static StageInfo of(String pipeline, StageSpec spec) {
    return new StageInfo(pipeline, spec.name(), spec.version(), spec.inputTopics(), spec.outputTopic(),
        ClassRef.of(spec.outputClass()), spec.deadLetterTopic(), spec.lineage());
  }

  /** The registry subject of the output topic. */
  public String outputSubject() {
    return ResourceNames.subject(outputTopic);
  }

  /** The input index of a topic. */
  public int sideOf(String topic) {
    int side = inputTopics.indexOf(topic);
    if (side < 0) {
      throw new IllegalStateException("stage " + stage + " read a record of topic " + topic + ", not one of " + inputTopics);
    }
    return side;
  }

  /** {@code <pipeline>/<stage>}, as the web UI shows it. */
  public String jobName() {
    return ResourceNames.jobName(pipeline, stage);
  }
}
