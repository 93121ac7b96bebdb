package io.baton.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which inputs each batch of a streaming stage holds, by each policy's definition, in plain Java: the
 * expectation a lineage test checks a stage against. Inputs come in arrival order (one partition).
 *
 * <pre>{@code
 * List<Released> out = ExpectedBatches.release(Rule.count(4), true, inputs);
 * }</pre>
 */
final class ExpectedBatches {
  private ExpectedBatches() {}

  /** One input of a stage: the source record ids it stands for, its batch key, event time and size in bytes. */
  record Input(SortedSet<Integer> ids, String key, long timestamp, int bytes) {}

  /** One released batch: its inputs, batch key and the output's timestamp. */
  record Released(List<Input> inputs, String key, long timestamp) {
    /** Every source id behind the batch, once. */
    SortedSet<Integer> ids() {
      SortedSet<Integer> ids = new TreeSet<>();
      inputs.forEach(i -> ids.addAll(i.ids()));
      return ids;
    }
  }

  /** A policy as the simulation knows it. */
  sealed interface Rule {
    static Rule each() {
      return new Each();
    }

    /** Full batches of {@code weight} (1 a record for counts, its bytes for bytes). */
    static Rule fill(long capacity, boolean bytes) {
      return new Fill(capacity, bytes);
    }

    static Rule sliding(long size, long slide) {
      return new Sliding(size, slide);
    }

    static Rule session(long gap) {
      return new Session(gap);
    }
  }

  record Each() implements Rule {}

  record Fill(long capacity, boolean bytes) implements Rule {}

  /** Tumbling windows are sliding ones whose slide is their size. */
  record Sliding(long size, long slide) implements Rule {}

  record Session(long gap) implements Rule {}

  /**
   * The batches a streaming run releases once every window has closed: count and bytes in arrival order per key
   * (fired when full, remainders held), time windows by event time, sessions merged as Flink merges
   * {@code [t, t + gap)} windows that touch or overlap.
   */
  static List<Released> release(Rule rule, boolean keyed, List<Input> inputs) {
    if (rule instanceof Fill f) {
      return fill(f, keyed, inputs);
    }
    if (rule instanceof Sliding s) {
      return windows(s, keyed, inputs);
    }
    if (rule instanceof Session s) {
      return sessions(s, keyed, inputs);
    }
    return inputs.stream().map(i -> new Released(List.of(i), i.key(), i.timestamp())).toList();
  }

  private static String keyOf(Input i, boolean keyed) {
    return keyed ? i.key() : "";
  }

  private static List<Released> fill(Fill f, boolean keyed, List<Input> inputs) {
    Map<String, List<Input>> open = new LinkedHashMap<>();
    Map<String, Long> weight = new LinkedHashMap<>();
    List<Released> out = new ArrayList<>();
    for (Input i : inputs) {
      String key = keyOf(i, keyed);
      open.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      long w = weight.merge(key, f.bytes() ? i.bytes() : 1L, Long::sum);
      if (w >= f.capacity()) {
        List<Input> batch = open.remove(key);
        weight.remove(key);
        out.add(new Released(batch, key, batch.stream().mapToLong(Input::timestamp).max().orElseThrow()));
      }
    }
    return out;
  }

  private static List<Released> windows(Sliding s, boolean keyed, List<Input> inputs) {
    // (window start, key) -> inputs, in window order.
    TreeMap<Long, Map<String, List<Input>>> windows = new TreeMap<>();
    for (Input i : inputs) {
      long last = i.timestamp() - Math.floorMod(i.timestamp(), s.slide());
      for (long start = last; start > i.timestamp() - s.size(); start -= s.slide()) {
        windows.computeIfAbsent(start, k -> new TreeMap<>()).computeIfAbsent(keyOf(i, keyed), k -> new ArrayList<>())
            .add(i);
      }
    }
    List<Released> out = new ArrayList<>();
    windows.forEach((start, byKey) -> byKey.forEach((key, batch) ->
        out.add(new Released(batch, key, start + s.size() - 1))));
    return out;
  }

  private static List<Released> sessions(Session s, boolean keyed, List<Input> inputs) {
    Map<String, List<Input>> open = new LinkedHashMap<>();
    List<Released> out = new ArrayList<>();
    for (Input i : inputs.stream().sorted(Comparator.comparingLong(Input::timestamp)).toList()) {
      String key = keyOf(i, keyed);
      List<Input> session = open.get(key);
      if (session != null && i.timestamp() > newest(session) + s.gap()) {
        out.add(new Released(session, key, newest(session) + s.gap() - 1));
        session = null;
      }
      if (session == null) {
        session = new ArrayList<>();
        open.put(key, session);
      }
      session.add(i);
    }
    open.forEach((key, session) -> out.add(new Released(session, key, newest(session) + s.gap() - 1)));
    return out;
  }

  private static long newest(List<Input> batch) {
    return batch.stream().mapToLong(Input::timestamp).max().orElseThrow();
  }
}
