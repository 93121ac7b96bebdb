package io.baton.cli;

/**
 * Exit codes of {@code baton}: 0 done, 1 failed, 2 the command line was wrong (picocli's default), 3 a pipeline's
 * stage is not running as deployed ({@code baton status <pipeline>}, so scripts can wait on it).
 *
 * <pre>{@code
 * return ExitCodes.OK;
 * }</pre>
 */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int NOT_RUNNING = 3;

  private ExitCodes() {}
}
