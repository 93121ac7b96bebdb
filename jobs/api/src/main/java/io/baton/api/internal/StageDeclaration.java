package io.baton.api.internal;

import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.KeyFunction;
import io.baton.api.fn.StageFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One {@code p.source(..)}, {@code p.stage(..)} or {@code p.coGroup(..)} call as written, with the
 * options set on its handle since. Immutable; a pipeline replaces it when an option changes.
 *
 * <pre>{@code
 * StageDeclaration.stage("alerts", List.of(summaries), Batch.each(), Fn.map(Alerts::hot))
 *     .withOptions(StageOptions.DEFAULTS.parallelism(2))
 * }</pre>
 *
 * @param name the stage's name as given (checked when the pipeline is built)
 * @param kind which call declared it
 * @param inputs the stages read, in order (left, right for a co-group); empty for a source
 * @param topic the outside topic of a source, else null
 * @param batch when the stage hands on; {@code Batch.each()} for a source
 * @param function what the stage does, null for a source
 * @param leftKey key of a co-group's left input, else null
 * @param rightKey key of a co-group's right input, else null
 * @param options per-stage options
 */
public record StageDeclaration(String name, Kind kind, List<StageRef> inputs, Topic<?> topic, Batch batch,
    StageFunction<?, ?> function, KeyFunction<?, ?> leftKey, KeyFunction<?, ?> rightKey, StageOptions options) {

  /** Which call declared the stage, and so which call a fix names. */
  public enum Kind {
    SOURCE, STAGE, CO_GROUP;

    /** The call that declares this kind: {@code p.source}, {@code p.stage} or {@code p.coGroup}. */
    public String call() {
      return switch (this) {
        case SOURCE -> "p.source";
        case STAGE -> "p.stage";
        case CO_GROUP -> "p.coGroup";
      };
    }
  }

  public StageDeclaration {
    // A null input stays in the list, to be reported as such when the pipeline is built.
    inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
  }

  /** Records from an outside topic. */
  public static StageDeclaration source(String name, Topic<?> topic) {
    return new StageDeclaration(name, Kind.SOURCE, List.of(), topic, Batch.each(), null, null, null,
        StageOptions.DEFAULTS);
  }

  /** A function over one input or the union of several. */
  public static StageDeclaration stage(String name, List<StageRef> inputs, Batch batch, StageFunction<?, ?> fn) {
    return new StageDeclaration(name, Kind.STAGE, inputs, null, batch, fn, null, null, StageOptions.DEFAULTS);
  }

  /** A keyed co-group of two inputs inside one window. */
  public static StageDeclaration coGroup(String name, StageRef left, KeyFunction<?, ?> leftKey, StageRef right,
      KeyFunction<?, ?> rightKey, Batch window, StageFunction<?, ?> fn) {
    return new StageDeclaration(name, Kind.CO_GROUP, List.of(left, right), null, window, fn, leftKey, rightKey,
        StageOptions.DEFAULTS);
  }

  /** The same declaration with other options. */
  public StageDeclaration withOptions(StageOptions newOptions) {
    return new StageDeclaration(name, kind, inputs, topic, batch, function, leftKey, rightKey, newOptions);
  }

  public boolean source() {
    return kind == Kind.SOURCE;
  }
}
