package io.baton.cli;

import io.baton.connectors.DeadLetterRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which dead letters a replay re-sends and why it skips the others. A letter is re-sent at most once:
 * one whose marker ({@link DeadLetterRecord#marker()}) already sits in a {@code baton.replay.of} header of
 * the input topic was replayed before. A letter of a record that was itself a replay (it failed again) is
 * skipped unless asked for, so repeated replays do not bounce a bad record back and forth.
 *
 * <pre>{@code
 * ReplaySelection s = ReplaySelection.of(letters, markersInInputTopic, false);
 * s.toSend();   // re-send these
 * }</pre>
 *
 * @param toSend letters to re-send, in the order read
 * @param alreadyReplayed letters whose marker is already in the input topic
 * @param failedAgain letters of replayed records, skipped without {@code includeReplayed}
 * @param noSource letters without a {@code baton.source.topic} header: nowhere to send them
 */
record ReplaySelection(List<DeadLetterRecord> toSend, List<DeadLetterRecord> alreadyReplayed,
    List<DeadLetterRecord> failedAgain, List<DeadLetterRecord> noSource) {

  /** Sorts {@code letters} given the markers already present in their input topics. */
  static ReplaySelection of(List<DeadLetterRecord> letters, Set<String> markersPresent, boolean includeReplayed) {
    Objects.requireNonNull(letters, "letters must not be null");
    Objects.requireNonNull(markersPresent, "markersPresent must not be null");
    List<DeadLetterRecord> send = new ArrayList<>();
    List<DeadLetterRecord> replayed = new ArrayList<>();
    List<DeadLetterRecord> again = new ArrayList<>();
    List<DeadLetterRecord> lost = new ArrayList<>();
    for (DeadLetterRecord l : letters) {
      if (l.sourceTopic().filter(t -> !t.isBlank()).isEmpty()) {
        lost.add(l);
      } else if (markersPresent.contains(l.marker())) {
        replayed.add(l);
      } else if (l.replayOf().isPresent() && !includeReplayed) {
        again.add(l);
      } else {
        send.add(l);
      }
    }
    return new ReplaySelection(List.copyOf(send), List.copyOf(replayed), List.copyOf(again), List.copyOf(lost));
  }
}
