package io.baton.api;

/**
 * What a job jar provides: one pipeline definition per class, found by class name.
 *
 * <pre>{@code
 * public final class SensorStory implements PipelineDefinition {
 *   public Pipeline define() {
 *     Pipeline p = Pipeline.named("sensor-story");
 *     Stage<Reading> readings = p.source("readings", Topic.of("sensors.readings", Reading.class));
 *     p.stage("alerts", readings, Batch.each(), Alerts::fromReading);
 *     return p;
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PipelineDefinition {
  Pipeline define();
}
