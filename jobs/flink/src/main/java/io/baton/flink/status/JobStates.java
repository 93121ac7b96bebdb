package io.baton.flink.status;

import java.util.Collection;
import java.util.List;

/**
 * Flink job states ordered from healthy to worst, so a pipeline's stages can be summed up in one state.
 *
 * <pre>{@code
 * JobStates.worst(List.of("RUNNING", "RESTARTING"));   // RESTARTING
 * }</pre>
 */
public final class JobStates {
  /** From best to worst; a state not listed here ranks between SUSPENDED and CANCELLING. */
  private static final List<String> ORDER = List.of("RUNNING", "CREATED", "INITIALIZING", "RECONCILING", "FINISHED",
      "SUSPENDED", "CANCELLING", "CANCELED", StageStatus.MISSING, "RESTARTING", "FAILING", "FAILED");
  private static final List<String> ENDED = List.of("FINISHED", "CANCELED", "FAILED", "SUSPENDED");

  private JobStates() {}

  /** The worst of {@code states}; {@code MISSING} for none. */
  public static String worst(Collection<String> states) {
    return states.stream().max(java.util.Comparator.comparingInt(JobStates::rank)).orElse(StageStatus.MISSING);
  }

  /** A job in this state will not run again by itself. */
  public static boolean ended(String state) {
    return ENDED.contains(state);
  }

  static int rank(String state) {
    int i = ORDER.indexOf(state);
    return i >= 0 ? i : ORDER.indexOf("SUSPENDED");
  }
}
