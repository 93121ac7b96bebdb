package io.baton.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Trace} as lines to read, or as one JSON object. Each hop is one line (stage, policy, version, what it
 * did, its inputs), then its first input records, then {@code … and N more}.
 *
 * <pre>
 * sensors.alerts:0:3  {"sensorId":"sensor-03","windowEnd":...}
 * hop 1  alerts  each  version 1  ← 1 input: sensor-story.per-minute:0:12
 *   sensor-story.per-minute:0:12  {"sensorId":"sensor-03","count":6,...}
 * hop 2  per-minute  every(PT1M) ...  version 1  ← 6 inputs: sensor-story.readings:0:40-45
 *   ...
 * </pre>
 */
final class TraceText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TraceText() {}

  /** The lines; values longer than {@code width} characters are cut ({@code 0}: never). */
  static List<String> lines(Trace trace, int width) {
    List<String> lines = new ArrayList<>();
    lines.add(item(trace.record(), width));
    for (Trace.Hop hop : trace.hops()) {
      lines.add("hop " + hop.number() + "  " + hop.stage() + "  " + hop.batch() + "  version " + hop.version()
          + (hop.rejection() == null ? "" : "  rejected it: " + cut(hop.rejection(), width))
          + (hop.inputs().isEmpty() ? "" : "  ← " + inputs(hop)));
      hop.shown().forEach(i -> lines.add("  " + item(i, width)));
      if (hop.more() > 0) {
        lines.add("  … and " + hop.more() + " more");
      }
      hop.notes().forEach(n -> lines.add("  (" + n + ")"));
    }
    trace.notes().forEach(n -> lines.add("(" + n + ")"));
    return lines;
  }

  /** {@code 6 raw inputs: sensors.readings:0:40-45}. */
  private static String inputs(Trace.Hop hop) {
    long n = hop.inputs().count();
    String what = hop.raw() ? (n == 1 ? "raw source record" : "raw source records") : (n == 1 ? "input" : "inputs");
    return (hop.inputs().isExact() ? n + " " + what : what + " within spans") + ": "
        + HeaderText.cut(hop.inputs().encode(), HeaderText.MAX_INPUTS_TEXT);
  }

  private static String item(Trace.Item i, int width) {
    return i.coordinates() + "  " + cut(i.value().text(), width);
  }

  private static String cut(String text, int width) {
    return width <= 0 ? text : HeaderText.cut(text, width);
  }

  /** The trace as one JSON object: the record, then the hops with every input's coordinates and the first records. */
  static ObjectNode json(Trace trace) {
    ObjectNode o = JSON.createObjectNode();
    o.put("pipeline", trace.pipeline());
    o.set("record", item(trace.record()));
    ArrayNode hops = o.putArray("hops");
    for (Trace.Hop hop : trace.hops()) {
      ObjectNode h = hops.addObject();
      h.put("hop", hop.number());
      h.put("stage", hop.stage());
      h.put("batch", hop.batch());
      h.put("version", hop.version());
      if (hop.rejection() != null) {
        h.put("rejected", hop.rejection());
      }
      h.put("inputs", hop.inputs().encode());
      h.put("inputCount", hop.inputs().count());
      h.put("exact", hop.inputs().isExact());
      h.put("raw", hop.raw());
      ArrayNode records = h.putArray("records");
      hop.shown().forEach(i -> records.add(item(i)));
      h.put("more", hop.more());
      hop.notes().forEach(n -> h.withArray("notes").add(n));
    }
    trace.notes().forEach(n -> o.withArray("notes").add(n));
    return o;
  }

  private static ObjectNode item(Trace.Item i) {
    ObjectNode o = JSON.createObjectNode();
    o.put("topic", i.topic());
    o.put("partition", i.partition());
    o.put("offset", i.offset());
    o.put("key", i.key());
    i.value().into(o);
    return o;
  }
}
