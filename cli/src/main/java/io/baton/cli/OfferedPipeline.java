package io.baton.cli;

import io.baton.api.PipelineDefinition;
import io.baton.api.PipelineDefinitionException;
import io.baton.api.PipelineDefinitions;

/**
 * One class a job jar registers in {@code META-INF/services/io.baton.api.PipelineDefinition}: its pipeline's name
 * and definition, or, when it cannot be loaded or its {@code define()} throws, why it is broken.
 *
 * <pre>{@code
 * OfferedPipeline offered = OfferedPipeline.load("com.acme.Orders", loader);
 * if (offered.broken()) System.err.println(offered.describe());
 * }</pre>
 *
 * @param className the registered class
 * @param name the pipeline's name, null when broken
 * @param definition the definition, null when broken
 * @param error what is wrong, null when it works
 */
record OfferedPipeline(String className, String name, PipelineDefinition definition, String error) {

  /** Loads, instantiates and defines {@code className}; any failure makes a broken entry, never an exception. */
  static OfferedPipeline load(String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return broken(className, "the class is not in the jar (" + e + "); build the jar with it or remove it from "
          + JobJar.SERVICES);
    }
    if (!PipelineDefinition.class.isAssignableFrom(type)) {
      return broken(className, "it does not implement " + PipelineDefinition.class.getName());
    }
    PipelineDefinition definition;
    try {
      definition = (PipelineDefinition) type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      return broken(className, "it has no public constructor without arguments; add one");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
      return broken(className, "its constructor threw " + cause);
    }
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader); // as on the cluster, where the job's code runs with the jar's loader
    try {
      return new OfferedPipeline(className, PipelineDefinitions.define(definition).name(), definition, null);
    } catch (PipelineDefinitionException e) {
      return broken(className, e.getMessage());
    } catch (Exception | LinkageError e) {
      return broken(className, "define() threw " + e);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static OfferedPipeline broken(String className, String error) {
    return new OfferedPipeline(className, null, null, error);
  }

  boolean broken() {
    return error != null;
  }

  /** {@code name (class)} or {@code class: error}. */
  String describe() {
    return broken() ? className + ": " + error : name + " (" + className + ")";
  }
}
