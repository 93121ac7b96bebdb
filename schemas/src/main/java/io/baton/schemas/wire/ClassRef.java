package io.baton.schemas.wire;

import java.io.Serializable;
import java.util.Objects;

/**
 * A class that travels by name, loaded again where it is used. Java serialization of a
 * {@code Class} object initializes that class on the receiving side (it reads the class's
 * {@code serialVersionUID}), and initializing an Avro-generated class parses its schema, which
 * leaves an Avro thread-local on the deserializing thread. On a session cluster that thread is a
 * long-lived JobManager thread, and the thread-local kept every submitted job's class loader (and
 * its metaspace) alive. Shipping the name instead initializes nothing until a task uses it.
 *
 * <pre>{@code
 * ClassRef<Reading> type = ClassRef.of(Reading.class);   // serializable, holds "io.baton.schemas.sensor.Reading"
 * Class<Reading> loaded = type.get();                    // on the task manager, through the user code class loader
 * }</pre>
 *
 * @param <T> the referenced type
 */
public final class ClassRef<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private transient Class<T> type;

  private ClassRef(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static <T> ClassRef<T> of(Class<T> type) {
    Objects.requireNonNull(type, "type must not be null");
    return new ClassRef<>(type.getName(), type);
  }

  /** The class's binary name. */
  public String name() {
    return name;
  }

  /** The class, loaded by the thread's context class loader (a Flink task's user code class loader) on first use. */
  @SuppressWarnings("unchecked")
  public Class<T> get() {
    if (type == null) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      try {
        type = (Class<T>) Class.forName(name, true, loader != null ? loader : ClassRef.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("class " + name + " is not on this task's class path; is it in the job jar?", e);
      }
    }
    return type;
  }

  /** The simple name, without loading the class. */
  public String simpleName() {
    return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassRef<?> other && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "ClassRef(" + name + ")";
  }
}
