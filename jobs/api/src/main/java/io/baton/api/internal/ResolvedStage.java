package io.baton.api.internal;

import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A declared stage with what its place in the graph decides: what it reads, its event time, what
 * it writes and where. Unlike a {@link StageSpec} it may be incomplete (a class it cannot tell is
 * null); the rules report that, and only a graph without problems becomes specs.
 *
 * @param declaration the stage as written
 * @param inputs names of the stages read, the known ones only
 * @param inputTopics the topics read, in the order of {@code inputs}
 * @param inputClasses the classes read, in that order; null where an input's class is unknown
 * @param readers reader classes of inputs read through {@code readAs(..)}, by input index
 * @param eventTime how the stage reads event time, empty when its records have none
 * @param untimedInputs inputs without event time
 * @param outputClass the class written, or null when unknown
 * @param outputTopic the topic written
 * @param declaredOutput the topic {@code p.output(..)} named for this stage, or null
 */
public record ResolvedStage(StageDeclaration declaration, List<String> inputs, List<String> inputTopics,
    List<Class<?>> inputClasses, SortedMap<Integer, Class<?>> readers, Optional<StageSpec.EventTime> eventTime,
    List<String> untimedInputs, Class<?> outputClass, String outputTopic, Topic<?> declaredOutput) {

  public ResolvedStage {
    inputClasses = Collections.unmodifiableList(new ArrayList<>(inputClasses));
  }

  public String name() {
    return declaration.name();
  }

  /** What the stage lets in: its own policy, else its source topic's, else schema validation only. */
  public Accept<?> accept() {
    StageOptions o = declaration.options();
    return o.accept() != null ? o.accept() : declaration.source() ? declaration.topic().accept() : Accept.schema();
  }

  /** Partitions of the output topic: the stage's option, else the declared output topic's, else 0. */
  public int outputPartitions() {
    int own = declaration.options().outputPartitions();
    return own > 0 ? own : declaredOutput != null ? declaredOutput.partitions() : 0;
  }

  /** The compiler's form; call only when no rule found a problem. */
  public StageSpec spec(String pipeline) {
    StageDeclaration d = declaration;
    return new StageSpec(d.name(), d.source(), inputs, inputTopics, inputClasses, d.batch(),
        Optional.ofNullable(d.function()), Optional.ofNullable(d.leftKey()), Optional.ofNullable(d.rightKey()),
        outputClass, outputTopic, outputPartitions(), ResourceNames.deadLetterTopic(pipeline, d.name()), accept(),
        eventTime, d.options().parallelism(), d.options().delivery(), d.options().version(),
        d.options().lineage());
  }
}
