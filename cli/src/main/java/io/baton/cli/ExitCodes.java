package io.baton.cli;

/**
 * Exit codes of {@code baton}: 0 done, 1 failed, 2 the command line was wrong (picocli's default).
 *
 * <pre>{@code
 * return ExitCodes.OK;
 * }</pre>
 */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private ExitCodes() {}
}
