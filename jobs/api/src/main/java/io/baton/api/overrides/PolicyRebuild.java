package io.baton.api.overrides;

import static io.baton.api.overrides.OverrideKey.BATCH_GAP;
import static io.baton.api.overrides.OverrideKey.BATCH_GRACE;
import static io.baton.api.overrides.OverrideKey.BATCH_MAX_BYTES;
import static io.baton.api.overrides.OverrideKey.BATCH_MAX_WAIT;
import static io.baton.api.overrides.OverrideKey.BATCH_N;
import static io.baton.api.overrides.OverrideKey.BATCH_SIZE;
import static io.baton.api.overrides.OverrideKey.BATCH_SLIDE;

import io.baton.api.accept.Accept;
import io.baton.api.accept.Excess;
import io.baton.api.accept.RateLimit;
import io.baton.api.batch.Batch;
import io.baton.api.batch.Bytes;
import io.baton.api.batch.Cases;
import io.baton.api.batch.Count;
import io.baton.api.batch.CountOrTime;
import io.baton.api.batch.Each;
import io.baton.api.batch.Every;
import io.baton.api.batch.Session;
import io.baton.api.batch.Sliding;
import io.baton.api.batch.TimeMode;
import io.baton.api.internal.StageSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a stage's policies with overridden values through the public factories, so their checks apply and
 * {@code toString()} shows the effective expression; and says which keys apply to a stage.
 */
final class PolicyRebuild {
  private PolicyRebuild() {}

  /** The keys that apply to {@code spec}: its batch policy's parameters, grace in event time, the rest always. */
  static Set<OverrideKey> applicable(StageSpec spec) {
    Set<OverrideKey> keys = EnumSet.copyOf(spec.batch().match(new BatchKeys()));
    if (spec.batch().timeWindow() && spec.batch().timeMode() == TimeMode.EVENT) {
      keys.add(BATCH_GRACE);
    }
    keys.addAll(EnumSet.of(OverrideKey.PARALLELISM, OverrideKey.DELIVERY, OverrideKey.MAX_RECORD_BYTES));
    if (spec.accept().rateLimit().isPresent()) {
      keys.addAll(EnumSet.of(OverrideKey.RATE_PERMITS, OverrideKey.RATE_PER));
    }
    return keys;
  }

  /** Why {@code key} does not apply to {@code spec}. */
  static String whyNot(OverrideKey key, StageSpec spec) {
    if (key == BATCH_GRACE && spec.batch().timeWindow()) {
      return "batch.grace does not apply to " + spec.batch() + ": grace is for windows in event time";
    }
    if (key == OverrideKey.RATE_PERMITS || key == OverrideKey.RATE_PER) {
      return key + " does not apply: the stage has no rate limit (" + spec.accept()
          + "); declare rateLimitPerKey(key, permits, per) in the definition, the key function comes from there";
    }
    return key + " does not apply to " + spec.batch();
  }

  /** {@code batch} with the overridden parameters, its key, clock and grace kept; grace replaced if given. */
  static Batch batch(Batch batch, Map<OverrideKey, Object> v) {
    Batch rebuilt = batch.match(new Cases<Batch>() {
      @Override public Batch each(Each b) { return b; }
      @Override public Batch count(Count b) { return Batch.count(get(v, BATCH_N, b.n())); }
      @Override public Batch every(Every b) { return Batch.every(get(v, BATCH_SIZE, b.size())); }
      @Override public Batch sliding(Sliding b) {
        return Batch.sliding(get(v, BATCH_SIZE, b.size()), get(v, BATCH_SLIDE, b.slide()));
      }
      @Override public Batch session(Session b) { return Batch.session(get(v, BATCH_GAP, b.gap())); }
      @Override public Batch countOrTime(CountOrTime b) {
        return Batch.countOrTime(get(v, BATCH_N, b.n()), get(v, BATCH_MAX_WAIT, b.maxWait()));
      }
      @Override public Batch bytes(Bytes b) {
        return Batch.bytes(get(v, BATCH_MAX_BYTES, b.maxBytes()), get(v, BATCH_MAX_WAIT, b.maxWait()));
      }
    }).withOptions(batch.options());
    return v.containsKey(BATCH_GRACE) ? rebuilt.withGrace((Duration) v.get(BATCH_GRACE)) : rebuilt;
  }

  /** {@code accept} with an overridden size limit and rate limit (same key and excess), its rules kept. */
  static <T> Accept<T> accept(Accept<T> accept, Map<OverrideKey, Object> v) {
    Accept<T> rebuilt = accept;
    if (v.containsKey(OverrideKey.MAX_RECORD_BYTES)) {
      rebuilt = rebuilt.maxRecordBytes((Long) v.get(OverrideKey.MAX_RECORD_BYTES));
    }
    if (accept.rateLimit().isPresent()
        && (v.containsKey(OverrideKey.RATE_PERMITS) || v.containsKey(OverrideKey.RATE_PER))) {
      RateLimit<T> r = accept.rateLimit().get();
      rebuilt = rebuilt.rateLimitPerKey(r.key(), get(v, OverrideKey.RATE_PERMITS, r.permits()),
          get(v, OverrideKey.RATE_PER, r.per()));
      if (r.excess() != Excess.DEAD_LETTER) {
        rebuilt = rebuilt.onExcess(r.excess());
      }
    }
    return rebuilt;
  }

  /** The keys of {@code v} that belong to the batch policy, as {@code batch.size=PT2M, batch.grace=PT30S}. */
  static String batchPart(Map<OverrideKey, Object> v) {
    List<String> parts = new ArrayList<>();
    v.forEach((k, value) -> {
      if (k.batch()) {
        parts.add(k + "=" + k.value().write(value));
      }
    });
    return String.join(", ", parts);
  }

  @SuppressWarnings("unchecked")
  private static <T> T get(Map<OverrideKey, Object> v, OverrideKey key, T otherwise) {
    return v.containsKey(key) ? (T) v.get(key) : otherwise;
  }

  /** The parameters of each policy's factory. */
  private static final class BatchKeys implements Cases<Set<OverrideKey>> {
    @Override public Set<OverrideKey> each(Each b) { return EnumSet.noneOf(OverrideKey.class); }
    @Override public Set<OverrideKey> count(Count b) { return EnumSet.of(BATCH_N); }
    @Override public Set<OverrideKey> every(Every b) { return EnumSet.of(BATCH_SIZE); }
    @Override public Set<OverrideKey> sliding(Sliding b) { return EnumSet.of(BATCH_SIZE, BATCH_SLIDE); }
    @Override public Set<OverrideKey> session(Session b) { return EnumSet.of(BATCH_GAP); }
    @Override public Set<OverrideKey> countOrTime(CountOrTime b) { return EnumSet.of(BATCH_N, BATCH_MAX_WAIT); }
    @Override public Set<OverrideKey> bytes(Bytes b) { return EnumSet.of(BATCH_MAX_BYTES, BATCH_MAX_WAIT); }
  }
}
