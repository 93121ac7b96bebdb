package io.baton.stack;

import java.time.Duration;

/**
 * The outcome of {@link LocalStack#up(StartListener)}: the ports the stack runs on, whether it was running already,
 * and how long starting took.
 *
 * <pre>{@code
 * UpResult r = stack.up(StartListener.SILENT);
 * r.endpoints().kafkaBootstrapServers();
 * }</pre>
 */
public record UpResult(StackEndpoints endpoints, boolean alreadyRunning, Duration elapsed) {}
