package io.baton.api;

import io.baton.api.internal.ResourceNames;

import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;

import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.api.batch.Each;
import io.baton.api.batch.Every;
import io.baton.api.batch.Session;
import io.baton.api.batch.Sliding;
import io.baton.api.fn.Lambdas;
import io.baton.api.fn.StageFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Checks a pipeline definition with small rules, collects every problem, and orders the stages.
 * Rules that need a resolved graph (types, event time) run only where the graph resolved.
 */
final class GraphValidator {
  private final String pipeline;
  private final List<Stage<?>> declared;
  private final Map<Stage<?>, Topic<?>> outputs;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Stage<?>> byName = new LinkedHashMap<>();

  // What each resolved stage writes, filled in dependency order.
  private final Map<String, Class<?>> outputClass = new HashMap<>();
  private final Map<String, Optional<StageSpec.EventTime>> eventTime = new HashMap<>();
  private final Map<String, String> outputTopic = new HashMap<>();
  // Reader classes a stage declared for some of its inputs (readAs projections), by input index.
  private final Map<String, Map<Integer, Class<?>>> readAs = new HashMap<>();

  GraphValidator(String pipeline, List<Stage<?>> declared, Map<Stage<?>, Topic<?>> outputs) {
    this.pipeline = pipeline;
    this.declared = declared;
    this.outputs = outputs;
  }

  PipelineGraph validate() {
    validatePipelineName();
    declared.forEach(this::validateStageName);
    validateUniqueNames();
    Map<String, List<String>> inputs = resolveInputs();
    List<String> order = orderOrReportCycle(inputs);
    List<StageSpec> specs = new ArrayList<>();
    for (String name : order) {
      specs.add(toSpec(byName.get(name), inputs.get(name)));
    }
    validateOutputs();
    validateOutputTopicsUnique(specs);
    if (declared.isEmpty()) {
      problems.add(Problem.ofPipeline("has no stages", "declare at least p.source(..) and p.stage(..)"));
    }
    if (!problems.isEmpty()) {
      throw new PipelineDefinitionException(pipeline, problems);
    }
    return new PipelineGraph(pipeline, specs);
  }

  private void validatePipelineName() {
    if (!Names.validName(pipeline)) {
      problems.add(Problem.ofPipeline("name '" + pipeline + "' " + Names.nameRule(),
          "Pipeline.named(\"" + Names.suggest(pipeline) + "\")"));
    }
  }

  private void validateStageName(Stage<?> s) {
    if (s.name == null || !Names.validName(s.name)) {
      String call = s.kind == Stage.Kind.SOURCE ? "p.source" : s.kind == Stage.Kind.CO_GROUP ? "p.coGroup" : "p.stage";
      problems.add(new Problem(String.valueOf(s.name), "name " + Names.nameRule(),
          call + "(\"" + Names.suggest(s.name) + "\", ..)"));
    }
  }

  private void validateUniqueNames() {
    for (Stage<?> s : declared) {
      if (byName.putIfAbsent(s.name, s) != null) {
        problems.add(new Problem(s.name, "two stages have this name",
            "give each p.source(..)/p.stage(..) its own name"));
      }
    }
  }

  /** Input names per stage; references by name must point at a declared stage. */
  private Map<String, List<String>> resolveInputs() {
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    for (Stage<?> s : byName.values()) {
      List<String> names = new ArrayList<>();
      for (Stage<?> in : s.inputs) {
        if (in == null) {
          problems.add(new Problem(s.name, "reads a null stage", "pass the Stage returned by p.source(..) or p.stage(..)"));
        } else if (!byName.containsKey(in.name) || (in.kind != Stage.Kind.REF && byName.get(in.name) != in)) {
          problems.add(new Problem(s.name, "reads unknown stage '" + in.name + "'",
              "read a stage declared in pipeline '" + pipeline + "' (known: " + String.join(", ", byName.keySet()) + ")"));
        } else {
          if (in.readAs != null) {
            readAs.computeIfAbsent(s.name, k -> new HashMap<>()).put(names.size(), in.readAs);
          }
          names.add(in.name);
        }
      }
      if (s.kind == Stage.Kind.STAGE && s.inputs.isEmpty()) {
        problems.add(new Problem(s.name, "reads no input", "p.stage(\"" + s.name + "\", <input stage>, ..)"));
      }
      inputs.put(s.name, names);
    }
    return inputs;
  }

  /** Kahn's order, declaration order among equals; what is left over sits on a cycle. */
  private List<String> orderOrReportCycle(Map<String, List<String>> inputs) {
    List<String> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<String, List<String>> e : inputs.entrySet()) {
        if (!done.contains(e.getKey()) && done.containsAll(e.getValue())) {
          order.add(e.getKey());
          done.add(e.getKey());
          progress = true;
        }
      }
    }
    List<String> cyclic = inputs.keySet().stream().filter(n -> !done.contains(n)).toList();
    if (!cyclic.isEmpty()) {
      problems.add(new Problem(cyclic.get(0), "stages " + String.join(", ", cyclic) + " read each other in a cycle",
          "a stage may not read its own output, directly or through other stages; remove one p.ref(..)"));
    }
    return order;
  }

  private StageSpec toSpec(Stage<?> s, List<String> inputs) {
    List<Class<?>> inputClasses = new ArrayList<>();
    List<String> inputTopics = new ArrayList<>();
    if (s.kind == Stage.Kind.SOURCE) {
      validateTopicName(s.name, s.topic.name(), "Topic.of(\"" + s.topic.name() + "\", ..)");
      inputTopics.add(s.topic.name());
      inputClasses.add(s.topic.recordClass());
    } else {
      Map<Integer, Class<?>> projections = readAs.getOrDefault(s.name, Map.of());
      for (int i = 0; i < inputs.size(); i++) {
        inputTopics.add(outputTopic.get(inputs.get(i)));
        inputClasses.add(projections.getOrDefault(i, outputClass.get(inputs.get(i))));
      }
      projections.forEach((i, c) -> validateReaderClass(s.name, inputs.get(i), c));
    }
    validateFunctionFitsBatch(s);
    validateUnion(s, inputs, inputClasses);
    Optional<StageSpec.EventTime> time = eventTimeOf(s, inputs);
    eventTime.put(s.name, time);
    Class<?> out = outputClassOf(s, inputClasses);
    outputClass.put(s.name, out);
    String topic = outputTopicOf(s);
    outputTopic.put(s.name, topic);
    validateOptions(s);
    Accept<?> accept = s.accept != null ? s.accept : s.kind == Stage.Kind.SOURCE ? s.topic.accept() : Accept.schema();
    int partitions = s.outputPartitions > 0 ? s.outputPartitions
        : outputs.containsKey(s) ? outputs.get(s).partitions() : 0;
    return new StageSpec(s.name, s.kind == Stage.Kind.SOURCE, inputs, inputTopics, inputClasses, s.batch,
        Optional.ofNullable(s.function), Optional.ofNullable(s.leftKey), Optional.ofNullable(s.rightKey),
        out, topic, partitions, ResourceNames.deadLetterTopic(pipeline, s.name), accept, time,
        s.parallelism, s.delivery, s.version);
  }

  private void validateFunctionFitsBatch(Stage<?> s) {
    if (s.kind == Stage.Kind.SOURCE) {
      return;
    }
    if (s.batch == null) {
      problems.add(new Problem(s.name, "has no batch policy", "pass Batch.each(), Batch.count(n), Batch.every(d), ..."));
      return;
    }
    if (s.function == null) {
      problems.add(new Problem(s.name, "has no function", "pass a function, e.g. Fn.map(..) or (key, batch) -> .."));
      return;
    }
    boolean each = s.batch instanceof Each;
    if (s.function instanceof StageFunction.CoGroup<?, ?, ?, ?>) {
      if (!(s.batch instanceof Every || s.batch instanceof Sliding || s.batch instanceof Session)) {
        problems.add(new Problem(s.name, "a co-group needs a window (every, sliding or session), got " + s.batch,
            "p.coGroup(\"" + s.name + "\", .., Batch.every(Duration.ofMinutes(1)), ..)"));
      }
      if (s.batch.keyed()) {
        problems.add(new Problem(s.name, "a co-group takes its keys from p.coGroup(..), not from keyedBy: " + s.batch,
            "drop .keyedBy(..) from the co-group's batch policy"));
      }
    } else if (s.function.perBatch() && each) {
      problems.add(new Problem(s.name, "a per-batch function needs a batch policy, got " + s.batch,
          "use Batch.count(n), Batch.every(d), ... or a per-record function (Fn.map, Fn.flatMap, Fn.filter)"));
    } else if (!s.function.perBatch() && !each) {
      problems.add(new Problem(s.name, "Fn." + s.function.label() + " works per record and needs Batch.each(), got " + s.batch,
          "use Batch.each(), or a per-batch function (key, List<In>) -> Out with Fn.perBatch(..)"));
    }
  }

  private void validateUnion(Stage<?> s, List<String> inputs, List<Class<?>> classes) {
    if (s.kind == Stage.Kind.STAGE && classes.stream().distinct().count() > 1) {
      problems.add(new Problem(s.name, "reads a union of inputs of different record classes ("
          + classes.stream().map(c -> c == null ? "?" : c.getSimpleName()).collect(Collectors.joining(", ")) + ")",
          "union only stages that write the same Avro class, or use p.coGroup(..) for two kinds"));
    }
  }

  private Optional<StageSpec.EventTime> eventTimeOf(Stage<?> s, List<String> inputs) {
    if (s.kind == Stage.Kind.SOURCE) {
      return s.topic.timestamp().map(t -> new StageSpec.EventTime(Optional.of(t), s.topic.outOfOrderness()));
    }
    List<String> without = inputs.stream().filter(i -> eventTime.get(i).isEmpty()).toList();
    Optional<StageSpec.EventTime> time = without.isEmpty() && !inputs.isEmpty()
        ? Optional.of(new StageSpec.EventTime(Optional.empty(), inputs.stream()
            .map(i -> eventTime.get(i).get().outOfOrderness()).max(Comparator.naturalOrder()).orElse(Duration.ZERO)))
        : Optional.empty();
    if (s.batch != null && s.batch.needsEventTime() && !without.isEmpty()) {
      problems.add(new Problem(s.name, s.batch + " waits in event time, but its input '" + String.join("', '", without)
          + "' has no timestamps",
          "declare Topic.of(..).eventTime(Record::getTimestamp, Duration.ofSeconds(5)) on the source, or use "
              + s.batch + " .inProcessingTime()"));
    }
    return time;
  }

  private Class<?> outputClassOf(Stage<?> s, List<Class<?>> inputClasses) {
    Class<?> out;
    if (s.kind == Stage.Kind.SOURCE) {
      out = s.topic.recordClass();
    } else if (s.produces != null) {
      out = s.produces;
    } else if (s.function instanceof StageFunction.Filter<?>) {
      out = inputClasses.isEmpty() ? null : inputClasses.get(0);
    } else if (s.function != null) {
      out = Lambdas.returnType(s.function.target()).orElse(null);
    } else {
      return null;
    }
    Topic<?> declaredOutput = outputs.get(s);
    if (out == null && declaredOutput != null) {
      out = declaredOutput.recordClass();
    }
    if (out == null) {
      problems.add(new Problem(s.name, "cannot tell which Avro class it writes from its function",
          "p.stage(\"" + s.name + "\", ..).produces(Out.class)"));
    } else if (!SpecificRecord.class.isAssignableFrom(out)) {
      problems.add(new Problem(s.name, "writes " + out.getName() + ", which is not an Avro SpecificRecord (no schema)",
          "generate " + out.getSimpleName() + " from an .avsc schema with avro-maven-plugin"));
    }
    return out;
  }

  private void validateReaderClass(String stage, String input, Class<?> reader) {
    if (!SpecificRecord.class.isAssignableFrom(reader)) {
      problems.add(new Problem(stage, "reads '" + input + "' as " + reader.getName()
          + ", which is not an Avro SpecificRecord (no schema)",
          "generate " + reader.getSimpleName() + " from an .avsc schema (a projection of what '" + input
              + "' writes) with avro-maven-plugin"));
    }
  }

  private String outputTopicOf(Stage<?> s) {
    Topic<?> declaredOutput = outputs.get(s);
    String topic = s.outputTopic != null ? s.outputTopic
        : declaredOutput != null ? declaredOutput.name() : ResourceNames.handoffTopic(pipeline, s.name);
    if (s.outputTopic != null || declaredOutput != null) {
      validateTopicName(s.name, topic, ".outputTopic(\"" + Names.suggest(topic) + "\")");
    }
    return topic;
  }

  private void validateTopicName(String stage, String topic, String fix) {
    if (!Names.validTopic(topic)) {
      problems.add(new Problem(stage, "topic name '" + topic + "' is not a legal Kafka topic name "
          + "(letters, digits, '.', '_', '-'; at most 249)", fix));
    }
  }

  private void validateOptions(Stage<?> s) {
    if (s.parallelism < 1) {
      problems.add(new Problem(s.name, "parallelism must be at least 1, got " + s.parallelism, ".parallelism(1)"));
    }
    if (s.outputPartitions < 0) {
      problems.add(new Problem(s.name, "output partitions must be positive, got " + s.outputPartitions,
          ".outputPartitions(1)"));
    }
  }

  private void validateOutputs() {
    for (Map.Entry<Stage<?>, Topic<?>> e : outputs.entrySet()) {
      Stage<?> s = e.getKey();
      if (byName.get(s.name) != s) {
        problems.add(new Problem(s.name, "p.output(..) names a stage that is not declared in this pipeline",
            "pass the Stage returned by p.stage(..) of pipeline '" + pipeline + "'"));
        continue;
      }
      Class<?> written = outputClass.get(s.name);
      Class<?> expected = e.getValue().recordClass();
      if (written != null && !expected.equals(written)) {
        problems.add(new Problem(s.name, "writes " + written.getSimpleName() + " but p.output(..) declares topic '"
            + e.getValue().name() + "' of " + expected.getSimpleName(),
            "Topic.of(\"" + e.getValue().name() + "\", " + written.getSimpleName() + ".class)"));
      }
    }
  }

  private void validateOutputTopicsUnique(List<StageSpec> specs) {
    Map<String, String> writer = new HashMap<>();
    for (StageSpec s : specs) {
      String other = writer.putIfAbsent(s.outputTopic(), s.name());
      if (other != null) {
        problems.add(new Problem(s.name(), "writes topic '" + s.outputTopic() + "', which stage '" + other + "' writes too",
            "give one of them its own .outputTopic(..)"));
      }
      if (s.source() && s.inputTopics().contains(s.outputTopic())) {
        problems.add(new Problem(s.name(), "reads and writes the same topic '" + s.outputTopic() + "'",
            "name the source topic differently from '<pipeline>.<stage>'"));
      }
    }
  }
}
