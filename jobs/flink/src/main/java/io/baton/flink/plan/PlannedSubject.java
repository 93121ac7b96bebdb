package io.baton.flink.plan;

/**
 * A registry subject the deploy step registers (or checks), one per topic written.
 *
 * @param subject {@code <topic>-value}
 * @param topic the topic it describes
 * @param recordClass the Avro class whose schema it holds
 */
public record PlannedSubject(String subject, String topic, String recordClass) {}
