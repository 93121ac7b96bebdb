package io.baton.cli.jar;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;

/** A user's pipeline whose {@code define()} throws, for job jars the tests assemble ({@link TestJars}). */
public final class BrokenPipeline implements PipelineDefinition {
  @Override
  public Pipeline define() {
    throw new IllegalStateException("orders table not configured");
  }
}
