package io.baton.cli;

/**
 * A failure the user can act on, printed as one line {@code baton: <message>} with exit code 1.
 *
 * <pre>{@code
 * throw new CliException("no pipeline 'x' in " + jar + "; it has: sensor-story, nexmark-hot-items");
 * }</pre>
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
