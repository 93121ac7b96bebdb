package io.baton.cli.jar;

import io.baton.api.batch.Batch;
import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.schemas.sensor.Reading;

/** A user's pipeline that works, for job jars the tests assemble ({@link TestJars}). */
public final class GoodPipeline implements PipelineDefinition {
  @Override
  public Pipeline define() {
    Pipeline p = Pipeline.named("good");
    Stage<Reading> readings = p.source("readings", Topic.of("good.in", Reading.class));
    p.stage("copy", readings, Batch.each(), GoodPipeline::copy);
    return p;
  }

  static Reading copy(Reading r) {
    return r;
  }
}
