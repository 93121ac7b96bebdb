package io.baton.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ephemeral ports on 127.0.0.1 for test servers. */
final class FreePort {
  private FreePort() {}

  /** A port that was free a moment ago. */
  static int next() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port nothing listens on (connections are refused). */
  static int closed() {
    return next();
  }
}
