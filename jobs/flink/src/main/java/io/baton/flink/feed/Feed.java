package io.baton.flink.feed;

import io.baton.flink.deploy.Target;
import java.io.PrintWriter;

/**
 * A generator of input for example pipelines, run by {@code baton feed <name>}: it writes generated
 * records to its topics on a target (Confluent wire format, schemas registered) and says what it wrote.
 * Found through {@code META-INF/services/io.baton.flink.feed.Feed} (see {@link Feeds}), so the tool that
 * runs it knows no pipeline.
 *
 * <pre>{@code
 * public final class NexmarkFeed implements Feed {
 *   public String name() { return "nexmark"; }
 *   public void write(FeedRequest request, Target target, PrintWriter out) throws Exception { ... }
 * }
 * }</pre>
 */
public interface Feed {
  /** The name {@code baton feed} takes, e.g. {@code nexmark}. */
  String name();

  /**
   * Writes the generated records {@code request} asks for to {@code target}'s topics, creating them when
   * missing, and prints what was written (and what to run next) to {@code out}.
   */
  void write(FeedRequest request, Target target, PrintWriter out) throws Exception;
}
