package io.baton.stack;

/**
 * A program that prints each of its arguments on a line of its own, for tests of how a command hands them over.
 *
 * <pre>{@code
 * JavaCommand.mainClass(EchoArgs.class.getName()).classpath(testClasses).arg("a b").build();
 * }</pre>
 */
public final class EchoArgs {
  private EchoArgs() {}

  public static void main(String[] args) {
    for (String a : args) {
      System.out.println("arg:" + a);
    }
  }
}
