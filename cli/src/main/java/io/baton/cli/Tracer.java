package io.baton.cli;

import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineagePointer;
import io.baton.connectors.Provenance;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a record back through its pipeline, level by level: the stage that wrote (or rejected) the records of a
 * level names their inputs (its {@code baton.lineage} header, resolved in the lineage topic when it points there, or
 * a dead letter's source), which are read and make
 * the next level, until the inputs are raw source records, no record carries lineage, or {@code depth} hops are done.
 *
 * <pre>{@code
 * try (RecordFetcher fetch = RecordFetcher.of(kafka); ValueDecoder values = ValueDecoder.of(registry)) {
 *   Trace trace = new Tracer(plan, fetch, values, 5, 20).trace("sensors.alerts", 0, 3);
 * }
 * }</pre>
 */
final class Tracer {
  /** Most records of one level read to follow their lineage further. */
  static final long MAX_LEVEL_RECORDS = 200_000;

  private final Plan plan;
  private final RecordFetcher fetch;
  private final ValueDecoder values;
  private final int limit;
  private final int depth;

  /** Shows {@code limit} inputs per hop and walks at most {@code depth} hops. */
  Tracer(Plan plan, RecordFetcher fetch, ValueDecoder values, int limit, int depth) {
    this.plan = plan;
    this.fetch = fetch;
    this.values = values;
    this.limit = limit;
    this.depth = depth;
  }

  /** The stage that writes or rejects into a topic, and which of the two. */
  private record Writer(PlannedStage stage, boolean rejects) {}

  Trace trace(String topic, int partition, long offset) {
    KafkaRecord start = fetch.one(topic, partition, offset);
    List<Trace.Hop> hops = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (writer(topic).isEmpty()) {
      notes.add(topic + " is an input of " + plan.pipeline() + " that no stage writes: this is a raw source record");
    }
    List<KafkaRecord> level = List.of(start);
    for (int levels = 0; !level.isEmpty(); levels++) {
      if (levels >= depth && level.stream().anyMatch(r -> writer(r.topic()).isPresent())) {
        notes.add("stopped after " + depth + " hop" + (depth == 1 ? "" : "s") + " (--depth)");
        break;
      }
      List<KafkaRecord> next = new ArrayList<>();
      for (Map.Entry<Writer, List<KafkaRecord>> group : byWriter(level).entrySet()) {
        hops.add(hop(hops.size() + 1, group.getKey(), group.getValue(), next));
      }
      level = next;
    }
    return new Trace(plan.pipeline(), item(start), hops, notes);
  }

  /** The records of a level grouped by the stage that wrote or rejected them; raw records end there. */
  private Map<Writer, List<KafkaRecord>> byWriter(List<KafkaRecord> level) {
    Map<Writer, List<KafkaRecord>> groups = new LinkedHashMap<>();
    for (KafkaRecord r : level) {
      writer(r.topic()).ifPresent(w -> groups.computeIfAbsent(w, k -> new ArrayList<>()).add(r));
    }
    return groups;
  }

  private Trace.Hop hop(int number, Writer writer, List<KafkaRecord> records, List<KafkaRecord> next) {
    PlannedStage stage = writer.stage();
    InputOffsets.Builder inputs = InputOffsets.builder();
    Set<String> versions = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    String rejection = null;
    int withoutLineage = 0;
    List<String> fromLineageTopic = new ArrayList<>();
    for (KafkaRecord r : records) {
      if (writer.rejects()) {
        DeadLetterRecord letter = DeadLetterRecord.from(r);
        rejection = letter.reasonCode().orElse("no reason header") + letter.error().map(e -> " (" + oneLine(e) + ")").orElse("");
        if (letter.sourceTopic().isPresent() && letter.sourcePartition().isPresent() && letter.sourceOffset().isPresent()) {
          inputs.add(letter.sourceTopic().get(), letter.sourcePartition().getAsInt(), letter.sourceOffset().getAsLong());
        } else {
          notes.add("dead letter " + letter.marker() + " does not say where the rejected record came from");
        }
        continue;
      }
      Optional<LineagePointer> pointer;
      Optional<Provenance> p;
      try {
        pointer = LineagePointer.fromHeaders(r.headers());
        p = Provenance.fromHeaders(r.headers(), stage.inputTopics(), fetch);
      } catch (IllegalArgumentException e) {
        notes.add(r.topic() + ":" + r.partition() + ":" + r.offset() + ": " + e.getMessage());
        continue;
      }
      pointer.ifPresent(q -> fromLineageTopic.add(q.topic() + ":" + q.partition() + " key " + q.key()));
      if (p.isEmpty()) {
        withoutLineage++;
      } else {
        inputs.addAll(p.get().inputs());
        versions.add(p.get().stageVersion());
      }
    }
    if (withoutLineage > 0) {
      notes.add((withoutLineage == records.size() ? "no lineage" : withoutLineage + " of " + records.size() + " records carry no lineage")
          + (stage.lineage() ? " header" : ": the stage runs with lineage(false)"));
    }
    if (!fromLineageTopic.isEmpty()) {
      notes.add("exact inputs read from the lineage topic (the batch passed the header budget): "
          + (fromLineageTopic.size() == 1 ? fromLineageTopic.get(0) : fromLineageTopic.size() + " entries"));
    }
    versions.remove(stage.version());
    if (!versions.isEmpty()) {
      notes.add("written by version " + String.join(", ", versions) + " of the stage");
    }
    InputOffsets all = inputs.build();
    boolean raw = !all.isEmpty() && all.partitions().stream().allMatch(tp -> writer(tp.topic()).isEmpty());
    if (!all.isExact()) {
      notes.add("the header lists approximate spans, not exact records: the spans' records are not read");
    }
    boolean follow = !raw && all.count() <= MAX_LEVEL_RECORDS;
    if (!raw && !follow) {
      notes.add(all.count() + " inputs are more than " + MAX_LEVEL_RECORDS + ": not traced further");
    }
    List<KafkaRecord> read = fetch.all(all, follow ? all.count() : limit);
    if (follow && read.size() < all.count()) {
      notes.add((all.count() - read.size()) + " inputs are no longer in their topics (retention or compaction)");
    }
    if (follow) {
      next.addAll(read);
    }
    List<Trace.Item> shown = read.stream().limit(limit).map(this::item).toList();
    return new Trace.Hop(number, stage.name(), stage.batch(), stage.version(), rejection, all, raw, shown, notes);
  }

  private Optional<Writer> writer(String topic) {
    return plan.writerOf(topic).map(s -> new Writer(s, false))
        .or(() -> TopicPlans.rejecterOf(plan, topic).map(s -> new Writer(s, true)));
  }

  private Trace.Item item(KafkaRecord r) {
    return new Trace.Item(r.topic(), r.partition(), r.offset(), r.key() == null ? null : HeaderText.text(r.key()),
        values.decode(r.value()));
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
