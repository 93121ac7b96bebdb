package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.OffsetRanges;
import io.baton.connectors.RunId;
import io.baton.flink.deploy.BoundedStep;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI runs without the Flink Kafka connector on its class path; the deploy side of a bounded run must too. */
class BoundedRunClasspathTest {

  @Test
  void aBoundedRunsRangesAndArgumentsNeedNoKafkaConnector() {
    assertThat(getClass().getClassLoader().getResource(
        "org/apache/flink/connector/kafka/source/KafkaSource.class")).as("the CLI's class path").isNull();
    OffsetRanges written = OffsetRanges.none().plus(OffsetRanges.parse("p.s:0:3-9"));
    BoundedStep step = new BoundedStep(RunId.parse("20261205T051203.457Z-3f9a01c2"), Map.of("t", written));

    assertThat(step.jobArgs("t")).containsExactly("--run-id", "20261205T051203.457Z-3f9a01c2",
        "--input-offsets", "p.s:0:3-9");
  }
}
