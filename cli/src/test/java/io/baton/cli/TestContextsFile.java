package io.baton.cli;

import java.nio.file.Path;

/** Points this JVM's commands at a test's contexts file, and back at the one the build set (none) afterwards. */
final class TestContextsFile {
  private static final String BUILDS = System.getProperty(ContextsFile.CONFIG_PROPERTY);

  private TestContextsFile() {}

  static void use(Path file) {
    System.setProperty(ContextsFile.CONFIG_PROPERTY, file.toString());
  }

  static void restore() {
    if (BUILDS == null) {
      System.clearProperty(ContextsFile.CONFIG_PROPERTY);
    } else {
      System.setProperty(ContextsFile.CONFIG_PROPERTY, BUILDS);
    }
  }
}
