package io.baton.api.internal;

import java.util.Objects;

/**
 * What a {@code Stage} handle points at: a declaration of one pipeline, by its place in the
 * pipeline or, for {@code p.ref(name)}, by name; {@code readAs} is the projection it reads through.
 *
 * <pre>{@code
 * new StageRef(p, 0, "readings", null)              // p.source("readings", ..)
 * new StageRef(p, -1, "readings", CelsiusOnly.class) // p.ref("readings").readAs(CelsiusOnly.class)
 * }</pre>
 *
 * @param pipeline the pipeline the handle came from (compared by identity)
 * @param slot the declaration's place in that pipeline, or {@link #BY_NAME}
 * @param name the stage's name
 * @param readAs the reader class of a projection, or null
 */
public record StageRef(Object pipeline, int slot, String name, Class<?> readAs) {
  /** The slot of a reference by name ({@code p.ref(name)}), resolved when the pipeline is built. */
  public static final int BY_NAME = -1;

  /** The same stage read through {@code reader}. */
  public StageRef readAs(Class<?> reader) {
    return new StageRef(pipeline, slot, name, reader);
  }

  @Override
  public boolean equals(Object o) {
    // Pipelines are told apart by identity, whatever they declare.
    return o instanceof StageRef r && pipeline == r.pipeline && slot == r.slot
        && Objects.equals(name, r.name) && readAs == r.readAs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(pipeline), slot, name, readAs);
  }
}
