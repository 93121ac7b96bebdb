package io.baton.cli.jar;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.schemas.sensor.Reading;

/** A user's pipeline that passes a policy factory a bad argument ({@code Batch.count(0)}), for assembled job jars. */
public final class BadArgumentPipeline implements PipelineDefinition {
  @Override
  public Pipeline define() {
    Pipeline p = Pipeline.named("bad-count");
    p.stage("pairs", p.source("readings", Topic.of("bad.in", Reading.class)), Batch.count(0), (String k, java.util.List<Reading> rs) -> rs.get(0));
    return p;
  }
}
