package io.baton.flink.feed;

/**
 * The demo {@code baton demo} plays: which pipeline it runs, and how it feeds that pipeline and tells
 * what became of the records. The tool resets the pipeline's topics and jobs, starts one job per stage
 * and waits until they run, then calls {@link #play}. Found through
 * {@code META-INF/services/io.baton.flink.feed.Demo} (see {@link Demos}), so the tool knows no pipeline.
 *
 * <pre>{@code
 * public final class SensorDemo implements Demo {
 *   public String pipeline() { return SensorStory.PIPELINE; }
 *   public void play(DemoRun run) throws Exception { feed(run); run.await("alerts", () -> ...); tell(run); }
 * }
 * }</pre>
 */
public interface Demo {
  /** The pipeline the demo runs, as its definition names it (e.g. {@code sensor-story}). */
  String pipeline();

  /** Feeds the running pipeline, waits until what it should produce is committed, and prints the story. */
  void play(DemoRun run) throws Exception;
}
