package io.baton.k8s.session;

/**
 * A session cluster operation that failed in a way the user can act on (no cluster reachable, the session exists
 * already, no such session); the message is one line.
 *
 * <pre>{@code
 * throw new SessionException("no session cluster 'baton-session' in namespace baton");
 * }</pre>
 */
public final class SessionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SessionException(String message) {
    super(message);
  }

  public SessionException(String message, Throwable cause) {
    super(message, cause);
  }
}
