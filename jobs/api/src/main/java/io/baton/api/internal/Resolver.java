package io.baton.api.internal;

import io.baton.api.Topic;
import io.baton.api.fn.Lambdas;
import io.baton.api.fn.StageFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Works out the graph of a {@link PipelineDeclaration}: which stage reads which, the dependency
 * order, and per stage what it reads and writes. Reports nothing; the rules do.
 *
 * <pre>{@code
 * Resolution r = Resolver.resolve(declaration);
 * r.stages();   // readings, per-minute, alerts
 * }</pre>
 */
final class Resolver {
  private final PipelineDeclaration pipeline;
  private final Resolution names;
  private final Map<String, ResolvedStage> done = new HashMap<>();
  private final Map<String, Topic<?>> declaredOutputs = new HashMap<>();

  private Resolver(PipelineDeclaration pipeline) {
    this.pipeline = pipeline;
    Map<String, Integer> slots = new LinkedHashMap<>();
    for (int i = 0; i < pipeline.stages().size(); i++) {
      slots.putIfAbsent(pipeline.stages().get(i).name(), i);
    }
    this.names = new Resolution(pipeline, Collections.unmodifiableMap(slots), Map.of(), List.of(), List.of());
    for (PipelineDeclaration.Output o : pipeline.outputs()) {
      if (names.declares(o.stage())) {
        declaredOutputs.put(o.stage().name(), o.topic());
      }
    }
  }

  static Resolution resolve(PipelineDeclaration pipeline) {
    return new Resolver(pipeline).resolve();
  }

  private Resolution resolve() {
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    names.unique().forEach(d -> inputs.put(d.name(), knownInputs(d).stream().map(StageRef::name).toList()));
    List<String> order = order(inputs);
    List<ResolvedStage> stages = new ArrayList<>();
    for (String name : order) {
      ResolvedStage s = stage(pipeline.stages().get(names.slots().get(name)));
      done.put(name, s);
      stages.add(s);
    }
    List<String> cyclic = inputs.keySet().stream().filter(n -> !done.containsKey(n)).toList();
    return new Resolution(pipeline, names.slots(), Collections.unmodifiableMap(inputs), cyclic, List.copyOf(stages));
  }

  private List<StageRef> knownInputs(StageDeclaration d) {
    return d.inputs().stream().filter(in -> in != null && names.knows(in)).toList();
  }

  /** Kahn's order, declaration order among equals; what is left over sits on a cycle. */
  private static List<String> order(Map<String, List<String>> inputs) {
    List<String> order = new ArrayList<>();
    Set<String> ordered = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<String, List<String>> e : inputs.entrySet()) {
        if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue())) {
          order.add(e.getKey());
          ordered.add(e.getKey());
          progress = true;
        }
      }
    }
    return order;
  }

  private ResolvedStage stage(StageDeclaration d) {
    List<StageRef> refs = knownInputs(d);
    List<String> inputs = refs.stream().map(StageRef::name).toList();
    SortedMap<Integer, Class<?>> readers = new TreeMap<>();
    List<String> inputTopics = new ArrayList<>();
    List<Class<?>> inputClasses = new ArrayList<>();
    if (d.source()) {
      inputTopics.add(d.topic().name());
      inputClasses.add(d.topic().recordClass());
    }
    for (int i = 0; i < refs.size(); i++) {
      ResolvedStage upstream = done.get(inputs.get(i));
      Class<?> reader = refs.get(i).readAs();
      if (reader != null) {
        readers.put(i, reader);
      }
      inputTopics.add(upstream.outputTopic());
      inputClasses.add(reader != null ? reader : upstream.outputClass());
    }
    List<String> untimed = inputs.stream().filter(i -> done.get(i).eventTime().isEmpty()).toList();
    Topic<?> declaredOutput = declaredOutputs.get(d.name());
    return new ResolvedStage(d, inputs, inputTopics, inputClasses, readers, eventTime(d, inputs, untimed), untimed,
        outputClass(d, inputClasses, declaredOutput), outputTopic(d, declaredOutput), declaredOutput);
  }

  /** A source's from its records; a stage's from its inputs' Kafka timestamps, when every input has event time. */
  private Optional<StageSpec.EventTime> eventTime(StageDeclaration d, List<String> inputs, List<String> untimed) {
    if (d.source()) {
      return d.topic().timestamp().map(t -> new StageSpec.EventTime(Optional.of(t), d.topic().outOfOrderness(),
          d.topic().closeWindowsAfterIdle().orElse(null)));
    }
    if (!untimed.isEmpty() || inputs.isEmpty()) {
      return Optional.empty();
    }
    Duration outOfOrderness = inputs.stream().map(i -> done.get(i).eventTime().orElseThrow().outOfOrderness())
        .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    // Windows close on idleness when every input lets them; the longest wait of them all.
    List<Optional<Duration>> idle = inputs.stream().map(i -> done.get(i).eventTime().orElseThrow().idleClose()).toList();
    Duration closeAfterIdle = idle.stream().allMatch(Optional::isPresent)
        ? idle.stream().map(Optional::get).max(Comparator.naturalOrder()).orElse(null) : null;
    return Optional.of(new StageSpec.EventTime(Optional.empty(), outOfOrderness, closeAfterIdle));
  }

  /** The class written, or null when nothing says (a stage without a function is reported elsewhere). */
  private static Class<?> outputClass(StageDeclaration d, List<Class<?>> inputClasses, Topic<?> declaredOutput) {
    Class<?> out;
    if (d.source()) {
      out = d.topic().recordClass();
    } else if (d.options().produces() != null) {
      out = d.options().produces();
    } else if (d.function() != null) {
      out = d.function().match(new WrittenClass(inputClasses));
    } else {
      return null;
    }
    return out == null && declaredOutput != null ? declaredOutput.recordClass() : out;
  }

  private String outputTopic(StageDeclaration d, Topic<?> declaredOutput) {
    return d.options().outputTopic() != null ? d.options().outputTopic()
        : declaredOutput != null ? declaredOutput.name() : ResourceNames.handoffTopic(pipeline.name(), d.name());
  }

  /** The class a function writes: a filter hands on what it read; the others say so in their signature. */
  private record WrittenClass(List<Class<?>> inputClasses) implements StageFunction.Cases<Class<?>> {
    @Override public Class<?> map(StageFunction.Map<?, ?> fn) { return returned(fn); }
    @Override public Class<?> flatMap(StageFunction.FlatMap<?, ?> fn) { return returned(fn); }
    @Override public Class<?> filter(StageFunction.Filter<?> fn) { return inputClasses.isEmpty() ? null : inputClasses.get(0); }
    @Override public Class<?> perBatch(StageFunction.PerBatch<?, ?, ?> fn) { return returned(fn); }
    @Override public Class<?> perBatchFlat(StageFunction.PerBatchFlat<?, ?, ?> fn) { return returned(fn); }
    @Override public Class<?> perWindow(StageFunction.PerWindow<?, ?, ?> fn) { return returned(fn); }
    @Override public Class<?> coGroup(StageFunction.CoGroup<?, ?, ?, ?> fn) { return returned(fn); }

    /** A lambda result says so in its signature; a class implementing Aggregation in its result method. */
    @Override
    public Class<?> aggregate(StageFunction.Aggregate<?, ?, ?, ?> fn) {
      Class<?> lambda = returned(fn);
      if (lambda != null) {
        return lambda;
      }
      for (java.lang.reflect.Method m : fn.aggregation().getClass().getMethods()) {
        if (m.getName().equals("result") && m.getParameterCount() == 3 && !m.isBridge()
            && m.getReturnType() != Object.class) {
          return m.getReturnType();
        }
      }
      return null;
    }

    private static Class<?> returned(StageFunction<?, ?> fn) {
      return Lambdas.returnType(fn.target()).orElse(null);
    }
  }
}
