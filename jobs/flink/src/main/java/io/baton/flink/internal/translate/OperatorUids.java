package io.baton.flink.internal.translate;

import io.baton.api.batch.Batch;
import io.baton.api.batch.TimeMode;
import io.baton.api.internal.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator uids a streaming stage job gets from {@link StageTopology} and {@link BatchTranslator}: what its
 * savepoints hold state under. Plain Java, so planning needs no Flink classes.
 *
 * <pre>{@code
 * OperatorUids.of(spec)   // [source, accept, arrival-order, batch, handoff, dead-letters] for a count(n) stage
 * }</pre>
 */
public final class OperatorUids {
  private OperatorUids() {}

  /** The uids in topology order. */
  public static List<String> of(StageSpec spec) {
    List<String> uids = new ArrayList<>(List.of("source", "accept"));
    if (spec.accept().rateLimit().isPresent()) {
      uids.add("throttle");
    }
    Batch batch = spec.batch();
    if (countLike(batch)) {
      uids.add("arrival-order");
    }
    uids.add("batch");
    if (batch.timeMode() == TimeMode.EVENT) {
      uids.add("late");
    }
    uids.add("handoff");
    uids.add("dead-letters");
    return uids;
  }

  private static boolean countLike(Batch batch) {
    return batch instanceof io.baton.api.batch.Count || batch instanceof io.baton.api.batch.CountOrTime
        || batch instanceof io.baton.api.batch.Bytes;
  }
}
