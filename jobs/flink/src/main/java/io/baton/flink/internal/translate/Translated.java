package io.baton.flink.internal.translate;

import io.baton.connectors.OutRecord;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What a batch policy's translation produced: the stage's outputs, and its late records as dead
 * letters when the policy has event-time windows.
 */
public record Translated(DataStream<OutRecord> outputs, Optional<DataStream<OutRecord>> late) {}
