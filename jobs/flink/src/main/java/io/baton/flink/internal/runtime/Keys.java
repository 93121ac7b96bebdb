package io.baton.flink.internal.runtime;

import io.baton.api.internal.StageSpec;
import io.baton.api.fn.KeyFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The batch key of a record per input side: the policy's {@code keyedBy}, or a co-group's left and
 * right keys. Records group by the key's text ({@code String.valueOf}); unkeyed records share {@code ""}.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class Keys implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<KeyFunction> bySide;

  private Keys(List<KeyFunction> bySide) {
    this.bySide = bySide;
  }

  public static Keys of(StageSpec spec) {
    List<KeyFunction> keys = new ArrayList<>();
    if (spec.coGroup()) {
      keys.add(spec.leftKey().orElseThrow());
      keys.add(spec.rightKey().orElseThrow());
    } else {
      KeyFunction key = spec.batch().key().orElse(null);
      keys.addAll(Collections.nCopies(Math.max(1, spec.inputTopics().size()), key));
    }
    return new Keys(keys);
  }

  /** The typed key the user's function gets, or null when not keyed. */
  public Object key(int side, Object record) throws Exception {
    KeyFunction key = bySide.get(side);
    return key == null ? null : key.key(record);
  }

  /** The key as text, for grouping and as the output's Kafka key. */
  public String text(int side, Object record) throws Exception {
    Object key = key(side, record);
    return key == null ? "" : String.valueOf(key);
  }
}
