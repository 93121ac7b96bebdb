package io.baton.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Calls a definition's {@code define()} so that an argument error of a Baton factory
 * ({@code Batch.count(0)}, a negative duration) is reported like every other definition problem:
 * a {@link PipelineDefinitionException} naming the definition class, the call that refused its
 * argument and where the definition made it, what is wrong and how to fix it.
 *
 * <pre>{@code
 * Pipeline p = PipelineDefinitions.define(new SensorStory());
 * // Pipeline 'com.acme.SensorStory' has 1 problem:
 * //   - Batch.count(..) in SensorStory.define (SensorStory.java:12): n must be positive, got 0.
 * //     Fix: pass a valid argument to Batch.count(..) in com.acme.SensorStory.define()
 * }</pre>
 */
public final class PipelineDefinitions {
  private static final String API = "io.baton.api.";

  private PipelineDefinitions() {}

  /** {@code definition.define()}, with factory argument errors turned into a definition problem. */
  public static Pipeline define(PipelineDefinition definition) {
    try {
      return definition.define();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Only a Baton factory's refusal becomes a definition problem; the user's own exceptions pass as they are.
      if (Arrays.stream(e.getStackTrace()).noneMatch(PipelineDefinitions::publicApi)) {
        throw e;
      }
      throw refused(definition.getClass().getName(), e);
    }
  }

  static PipelineDefinitionException refused(String definitionClass, RuntimeException e) {
    List<StackTraceElement> frames = Arrays.asList(e.getStackTrace());
    // The call that refused: the first public API frame below argument checks; a constructor
    // called by a factory counts as the factory. The caller is the frame after it.
    int at = 0;
    while (at < frames.size() && !publicApi(frames.get(at))) {
      at++;
    }
    if (at + 1 < frames.size() && frames.get(at).getMethodName().equals("<init>") && publicApi(frames.get(at + 1))) {
      at++;
    }
    Optional<StackTraceElement> call = at < frames.size() ? Optional.of(frames.get(at)) : Optional.empty();
    Optional<StackTraceElement> caller = at + 1 < frames.size() ? Optional.of(frames.get(at + 1)) : Optional.empty();
    String what = call.map(PipelineDefinitions::describe).orElse("define()")
        + caller.map(f -> " in " + simple(f.getClassName()) + "." + f.getMethodName()
            + " (" + f.getFileName() + ":" + f.getLineNumber() + ")").orElse("")
        + ": " + e.getMessage();
    String fix = "pass a valid argument to " + call.map(PipelineDefinitions::describe).orElse("the call")
        + " in " + definitionClass + ".define()";
    PipelineDefinitionException refused =
        new PipelineDefinitionException(definitionClass, List.of(Problem.ofPipeline(what, fix)));
    refused.initCause(e);
    return refused;
  }

  /** A frame of Baton's public API (not its internal helpers such as argument checks). */
  private static boolean publicApi(StackTraceElement f) {
    return f.getClassName().startsWith(API) && !f.getClassName().startsWith(API + "internal.")
        && !f.getClassName().equals(PipelineDefinitions.class.getName());
  }

  /** {@code Batch.count(..)}; a record's or class's constructor as {@code new Count(..)}. */
  private static String describe(StackTraceElement f) {
    String type = simple(f.getClassName());
    return f.getMethodName().equals("<init>") ? "new " + type + "(..)" : type + "." + f.getMethodName() + "(..)";
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
  }
}
