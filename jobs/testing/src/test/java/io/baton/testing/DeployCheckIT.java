package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.flink.deploy.DeployRefusedException;
import io.baton.flink.deploy.Deployer;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.baton.testing.records.Gauge;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** Deploy-time acceptance against the real registry: compatible evolutions pass, the rest are refused before anything exists. */
class DeployCheckIT {

  /** Reads outside Gauges and writes them on, as {@code <name>.gauges} and {@code <name>.copy}. */
  static PipelineDefinition gauges(String name) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Gauge> in = p.source("gauges", Topic.of(name + ".in", Gauge.class));
      p.stage("copy", in, Batch.each(), (Gauge g) -> g);
      return p;
    };
  }

  private static Schema gaugeWithout(String field) {
    Schema full = Gauge.getClassSchema();
    return Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), false,
        full.getFields().stream().filter(f -> !f.name().equals(field))
            .map(f -> new Schema.Field(f, f.schema())).toList());
  }

  private static Schema gaugeWithStringValue() {
    return new Schema.Parser().parse(Gauge.getClassSchema().toString()
        .replace("{\"name\":\"value\",\"type\":\"double\"}", "{\"name\":\"value\",\"type\":\"string\"}"));
  }

  private void prepare(PipelineTestDriver driver, String name) throws Exception {
    Plan plan = Planner.plan(gauges(name).define().build(), "test." + name);
    new Deployer(driver.target(driver.registry()), line -> { }).prepare(plan);
  }

  private List<String> topics(PipelineTestDriver driver) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", driver.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      return List.copyOf(admin.listTopics().names().get());
    }
  }

  @Test
  void fieldAddedWithDefaultIsACompatibleEvolution() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    driver.registryClient().register("evolve-ok.copy-value", gaugeWithout("unit"));
    prepare(driver, "evolve-ok");
    assertThat(driver.registryClient().versions("evolve-ok.copy-value")).hasSize(2);
    assertThat(topics(driver)).contains("evolve-ok.copy", "evolve-ok.gauges", "evolve-ok.copy.dead-letter");
  }

  @Test
  void requiredFieldAddedIsRefusedNamingSubjectAndField() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    driver.registryClient().register("evolve-required.copy-value", gaugeWithout("value"));
    DeployRefusedException refused = catchThrowableOfType(DeployRefusedException.class,
        () -> prepare(driver, "evolve-required"));
    assertThat(refused.problems()).singleElement().asString()
        .startsWith("subject evolve-required.copy-value (BACKWARD): ")
        .contains("value")
        .contains("fix: evolve io.baton.testing.records.Gauge compatibly (new fields need defaults)");
    assertThat(topics(driver)).noneMatch(t -> t.startsWith("evolve-required."));
  }

  @Test
  void everyProblemIsListedTogetherAndNothingIsCreated() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    // The outside topic's writers send value as a string: the source cannot read it as a double.
    driver.registryClient().register("evolve-many.in-value", gaugeWithStringValue());
    // And the copy's subject already holds a type the new schema cannot evolve from.
    driver.registryClient().register("evolve-many.copy-value", gaugeWithStringValue());
    DeployRefusedException refused = catchThrowableOfType(DeployRefusedException.class,
        () -> prepare(driver, "evolve-many"));
    assertThat(refused.problems()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
        .startsWith("handoff evolve-many.in → stage 'gauges': ").contains("Gauge.value"));
    assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith("subject evolve-many.copy-value"));
    assertThat(refused.getMessage()).startsWith("Refused to deploy pipeline 'evolve-many': ");
    assertThat(topics(driver)).noneMatch(t -> t.startsWith("evolve-many."));
  }
}
