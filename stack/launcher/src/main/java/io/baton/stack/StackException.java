package io.baton.stack;

/**
 * The local stack could not do what was asked; the message is meant for the user as is.
 *
 * <pre>{@code
 * throw new StackException("port 9092 (kafka) is already in use; nothing was started");
 * }</pre>
 */
public class StackException extends Exception {
  private static final long serialVersionUID = 1L;

  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
