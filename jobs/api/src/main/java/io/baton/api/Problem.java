package io.baton.api;

/**
 * One thing wrong with a pipeline definition: where ({@code stage}, or empty for the pipeline
 * itself), what is wrong, and the call that fixes it.
 */
public record Problem(String stage, String what, String fix) {

  /** A problem of the pipeline as a whole. */
  public static Problem ofPipeline(String what, String fix) {
    return new Problem("", what, fix);
  }

  @Override
  public String toString() {
    String where = stage.isEmpty() ? "" : "stage '" + stage + "': ";
    return where + what + (fix.isEmpty() ? "" : ". Fix: " + fix);
  }
}
