package io.baton.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Finds stack ports that something else already holds, before anything is started.
 *
 * <pre>{@code
 * List<String> taken = PortCheck.conflicts(ports, PortCheck::isFree);
 * // ["port 8081 (flink web UI/REST) is already in use"]
 * }</pre>
 */
public final class PortCheck {
  private PortCheck() {}

  /** One message per taken port, naming the port and the component that needs it. */
  public static List<String> conflicts(Ports ports, IntPredicate isFree) {
    List<String> taken = new ArrayList<>();
    ports.byUse().forEach((use, port) -> {
      if (!isFree.test(port)) {
        taken.add("port " + port + " (" + use + ") is already in use");
      }
    });
    return taken;
  }

  /** True if a server could bind 127.0.0.1:port right now. */
  public static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
