package io.baton.k8s;

import static io.baton.k8s.Yaml.map;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.Target;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code FlinkSessionJob} per stage on the session cluster: the job jar, the stage job's entry class and
 * arguments (the plan's, then the servers and the Kafka client file, no secret), its parallelism, savepoint upgrades.
 */
final class SessionJobs {
  private SessionJobs() {}

  static List<Map<String, Object>> render(Plan plan, K8sSettings settings) {
    List<Map<String, Object>> jobs = new ArrayList<>();
    for (PlannedStage stage : plan.stages()) {
      Map<String, Object> job = Yaml.resource("flink.apache.org/v1beta1", "FlinkSessionJob",
          plan.pipeline() + "." + stage.name(), Labels.stage(plan.pipeline(), stage.name()));
      job.put("spec", map(
          "deploymentName", settings.sessionDeployment(),
          "job", map(
              "jarURI", settings.jarUri(),
              "entryClass", stage.entryClass(),
              "args", args(plan, stage, settings),
              "parallelism", stage.parallelism(),
              "upgradeMode", "savepoint",
              "state", "running")));
      jobs.add(job);
    }
    return jobs;
  }

  /** The arguments {@code baton run} would give the stage job, with the stage's own client file. */
  static List<String> args(Plan plan, PlannedStage stage, K8sSettings settings) {
    Target target = new Target(settings.bootstrapServers(), RegistryConfig.of(settings.registryUrl()),
        "http://" + settings.sessionDeployment() + "-rest:8081", settings.checkpointInterval(),
        Path.of(KafkaClients.mountDir(plan.pipeline())));
    KafkaClientConfig kafka = KafkaClientConfig.of(settings.bootstrapServers())
        .withPropertiesFile(Path.of(KafkaClients.propertiesFile(plan.pipeline(), stage.name())));
    List<String> args = new ArrayList<>(stage.programArgs());
    args.addAll(target.jobArgs(kafka, RegistryConfig.of(settings.registryUrl()), false));
    return args;
  }
}
