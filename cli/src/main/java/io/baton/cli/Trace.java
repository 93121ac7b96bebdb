package io.baton.cli;

import io.baton.connectors.InputOffsets;
import java.util.List;

/**
 * A record traced back through its pipeline: the record, then one hop per stage that wrote (or rejected) the
 * records of the level before, each with its policy, version and input records, down to raw source records.
 * Made by {@link Tracer}, shown by {@link TraceText}.
 *
 * <pre>{@code
 * Trace t = new Tracer(plan, fetch, values, 5, 20).trace("sensors.alerts", 0, 3);
 * t.hops().get(0).stage();   // alerts
 * }</pre>
 *
 * @param pipeline the pipeline the record's topic belongs to
 * @param record the traced record
 * @param hops from the record's writer back to the raw sources
 * @param notes why the walk ended early, or that the record is itself a raw source record
 */
record Trace(String pipeline, Item record, List<Hop> hops, List<String> notes) {
  Trace {
    hops = List.copyOf(hops);
    notes = List.copyOf(notes);
  }

  /** One record: where it is, its key as text, its value as shown. */
  record Item(String topic, int partition, long offset, String key, ValueDecoder.Shown value) {
    String coordinates() {
      return topic + ":" + partition + ":" + offset;
    }
  }

  /**
   * One stage's step back.
   *
   * @param number 1 for the traced record's writer, counting back
   * @param stage the stage
   * @param batch its batch policy, from the plan
   * @param version its version, from the plan
   * @param rejection the reason (and error) when the stage dead-lettered the records, else null
   * @param inputs the exact input records of this level's records
   * @param raw true when the inputs are raw source records (no stage writes their topics)
   * @param shown the first input records, read and decoded
   * @param notes what is missing (no lineage, records gone, approximate spans)
   */
  record Hop(int number, String stage, String batch, String version, String rejection, InputOffsets inputs, boolean raw,
             List<Item> shown, List<String> notes) {
    Hop {
      shown = List.copyOf(shown);
      notes = List.copyOf(notes);
    }

    /** Inputs not shown. */
    long more() {
      return Math.max(0, inputs.count() - shown.size());
    }
  }
}
