package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.flink.deploy.BoundedRun;
import io.baton.flink.deploy.Deployer;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The one loop of bounded runs, on the driver's broker, with groups that only record that they ran. */
class BoundedRunIT {

  private static Plan prepared(PipelineTestDriver driver, String name) throws Exception {
    Plan plan = Planner.plan(DeployCheckIT.gauges(name).define().build(), "test." + name);
    new Deployer(driver.target(driver.registry()), line -> { }).prepare(plan);
    return plan;
  }

  @Test
  void runsGroupAfterGroupInPlanOrder() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    Plan plan = prepared(driver, "bounded-order");
    List<List<String>> ran = new ArrayList<>();

    new BoundedRun(plan, driver.bootstrapServers(), Duration.ofSeconds(30)).run((level, step) -> ran.add(level));

    assertThat(ran).containsExactly(List.of("gauges"), List.of("copy"));
  }

  @Test
  void aGroupWhoseOutputStaysOpenStopsTheRunNamingIt() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    Plan plan = prepared(driver, "bounded-open");
    String output = plan.stage("gauges").outputTopic();
    List<List<String>> ran = new ArrayList<>();

    try (KafkaProducer<byte[], byte[]> producer = transactional(driver, "bounded-open-test")) {
      BoundedRun run = new BoundedRun(plan, driver.bootstrapServers(), Duration.ofSeconds(1));
      // The first group leaves a transaction open on its output, as a job that died mid-commit would.
      assertThatThrownBy(() -> run.run((level, step) -> {
        ran.add(level);
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(output, new byte[] {1})).get();
      }))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("the output of [gauges] of pipeline bounded-open did not settle: ")
          .hasMessageContaining(output + "-0=stable 0 < high 1");
      producer.abortTransaction();
    }
    assertThat(ran).as("the next group never starts").containsExactly(List.of("gauges"));
  }

  private static KafkaProducer<byte[], byte[]> transactional(PipelineTestDriver driver, String id) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, driver.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props);
    producer.initTransactions();
    return producer;
  }
}
