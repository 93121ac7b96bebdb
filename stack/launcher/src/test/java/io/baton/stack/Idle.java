package io.baton.stack;

/**
 * A program that does nothing for two minutes, for tests that need a process of their own to look at.
 *
 * <pre>{@code
 * new ProcessBuilder(java, "-cp", testClasses, Idle.class.getName()).start();
 * }</pre>
 */
public final class Idle {
  private Idle() {}

  public static void main(String[] args) throws InterruptedException {
    Thread.sleep(120_000);
  }
}
