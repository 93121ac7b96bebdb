package io.baton.stack;

import java.io.IOException;
import java.time.Instant;

/**
 * One server of the local stack as {@link LocalStack} drives it: start the process, then wait until it answers.
 *
 * <pre>{@code
 * ManagedProcess p = server.start();
 * server.awaitReady(p, Instant.now().plusSeconds(120));
 * }</pre>
 */
public interface LocalServer {
  Component component();

  /** Which server of its component this is: names its pid file, log and marker ({@code kafka-2}). */
  default ServerId server() {
    return ServerId.of(component());
  }

  /** Writes the server's configuration and starts its JVM; returns as soon as the process runs. */
  ManagedProcess start() throws IOException, InterruptedException, StackException;

  /** Blocks until the server answers requests; fails if the process exits or the deadline passes. */
  void awaitReady(ManagedProcess process, Instant deadline) throws StackException, InterruptedException;

  /** Where users reach it, e.g. {@code 127.0.0.1:9092} or {@code http://127.0.0.1:8081}. */
  String endpoint();
}
