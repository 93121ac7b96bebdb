package io.baton.api.internal;

import io.baton.api.PipelineDefinitionException;
import io.baton.api.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a pipeline as written into its graph: {@link Resolver} works the graph out, small named
 * rules each return their problems, and every problem is reported together in one
 * {@link PipelineDefinitionException}. Problems come in the order of the rules below, a stage's
 * in dependency order.
 *
 * <pre>{@code
 * PipelineGraph graph = PipelineCompiler.compile(declaration);
 * }</pre>
 */
public final class PipelineCompiler {
  private PipelineCompiler() {}

  private static final List<Function<Resolution, List<Problem>>> BEFORE_STAGES = List.of(
      NameRules::validatePipelineName,
      NameRules::validateStageNames,
      NameRules::validateUniqueNames,
      InputRules::validateInputs,
      InputRules::validateNoCycle);

  private static final List<BiFunction<ResolvedStage, Resolution, List<Problem>>> PER_STAGE = List.of(
      NameRules::validateSourceTopicName,
      InputRules::validateReaderClasses,
      ShapeRules::validateFunctionFitsBatch,
      InputRules::validateUnion,
      ShapeRules::validateEventTime,
      ShapeRules::validateClock,
      OutputRules::validateOutputClass,
      NameRules::validateOutputTopicName,
      OutputRules::validateOptions);

  private static final List<Function<Resolution, List<Problem>>> AFTER_STAGES = List.of(
      OutputRules::validateOutputs,
      OutputRules::validateOutputTopicsUnique,
      InputRules::validateHasStages);

  /** The graph in dependency order, or every problem of the definition at once. */
  public static PipelineGraph compile(PipelineDeclaration pipeline) {
    Resolution r = Resolver.resolve(pipeline);
    List<Problem> problems = problems(r);
    if (!problems.isEmpty()) {
      throw new PipelineDefinitionException(r.name(), problems);
    }
    return new PipelineGraph(r.name(), r.stages().stream().map(s -> s.spec(r.name())).toList());
  }

  /** What every rule finds, in rule order. */
  static List<Problem> problems(Resolution r) {
    List<Problem> problems = new ArrayList<>();
    BEFORE_STAGES.forEach(rule -> problems.addAll(rule.apply(r)));
    for (ResolvedStage s : r.stages()) {
      PER_STAGE.forEach(rule -> problems.addAll(rule.apply(s, r)));
    }
    AFTER_STAGES.forEach(rule -> problems.addAll(rule.apply(r)));
    return problems;
  }
}
