package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContextParserTest {
  private static final Path FILE = Path.of("/home/u/.config/baton/config.yaml");
  private static final String SHARED = """
      current-context: shared
      contexts:
        shared:
          flink:
            rest: https://flink.example.com:8081
          kafka:
            bootstrap: broker-1:9093, broker-2:9093
            properties:
              security.protocol: SASL_SSL
              sasl.mechanism: SCRAM-SHA-512
              ssl.truststore.password: ${env:TRUSTSTORE_PASSWORD}
            propertiesFile: secrets/kafka.properties
          registry:
            url: https://registry.example.com/apis/ccompat/v7
            properties:
              basic.auth.credentials.source: USER_INFO
              basic.auth.user.info: ${file:/run/secrets/registry-user-info}
          topics:
            partitions: 6
            replicationFactor: 3
            configs:
              min.insync.replicas: 2
      """;

  @Test
  void aContextMayNameWhereItsClusterWritesSavepoints() throws Exception {
    Context shared = parse(SHARED.replace("rest: https://flink.example.com:8081",
        "rest: https://flink.example.com:8081\n      savepoints: s3://team/baton/savepoints")).select(Optional.empty());

    assertThat(shared.savepoints()).contains("s3://team/baton/savepoints");
    assertThat(parse(SHARED).select(Optional.empty()).savepoints()).isEmpty();
    assertThat(ContextCommand.describe(shared)).contains("  savepoints: s3://team/baton/savepoints\n");
  }

  private static Contexts parse(String yaml) throws Exception {
    return new ContextParser(FILE).parse(new YAMLMapper().readTree(yaml));
  }

  @Test
  void aContextHoldsItsServersSettingsAndTopicDefaults() throws Exception {
    Context shared = parse(SHARED).select(Optional.empty());

    assertThat(shared.name()).isEqualTo("shared");
    assertThat(shared.flinkRest()).isEqualTo("https://flink.example.com:8081");
    assertThat(shared.kafka().bootstrapServers()).isEqualTo("broker-1:9093,broker-2:9093");
    assertThat(shared.kafka().properties()).containsEntry("ssl.truststore.password", "${env:TRUSTSTORE_PASSWORD}")
        .hasSize(3);
    assertThat(shared.kafka().propertiesFile()).as("relative to the contexts file's folder")
        .contains(Path.of("/home/u/.config/baton/secrets/kafka.properties"));
    assertThat(shared.registry().url()).isEqualTo("https://registry.example.com/apis/ccompat/v7");
    assertThat(shared.registry().properties()).containsEntry("basic.auth.user.info", "${file:/run/secrets/registry-user-info}");
    assertThat(shared.topics().partitions()).contains(6);
    assertThat(shared.topics().replicationFactor()).contains((short) 3);
    assertThat(shared.topics().configs()).isEqualTo(Map.of("min.insync.replicas", "2"));
  }

  @Test
  void everyProblemIsReportedTogetherWithItsPlaceInTheFile() {
    String broken = """
        current-context: nowhere
        colour: blue
        contexts:
          local:
            flink: {rest: "http://x:8081"}
          Bad_Name:
            flink: {rest: "ftp://flink:8081"}
            kafka:
              bootstrap: broker
              properties:
                sasl.jaas.config: ScramLoginModule required username="u" password="p";
            registry: {}
            topics: {partitions: 0, replicationFactor: two}
        """;

    assertThatThrownBy(() -> parse(broken)).isInstanceOf(CliException.class).hasMessage("invalid contexts file " + FILE + ": "
        + "colour: unknown key; the keys here are contexts, current-context; "
        + "contexts.local: 'local' is the local stack and cannot be redefined; pick another name; "
        + "contexts.Bad_Name: a context name is lower-case letters, digits, '.', '_' and '-', got 'Bad_Name'; "
        + "contexts.Bad_Name.flink.rest: must start with http:// or https://, got 'ftp://flink:8081'; "
        + "contexts.Bad_Name.kafka.bootstrap: must be host:port[,host:port...], got 'broker'; "
        + "contexts.Bad_Name.kafka.properties.sasl.jaas.config: a secret in clear text; refer to it (${env:NAME} or"
        + " ${file:/path}) or move it to the propertiesFile (owner-only); "
        + "contexts.Bad_Name.registry.url: missing; "
        + "contexts.Bad_Name.topics.partitions: must be a whole number from 1 to 2147483647, got '0'; "
        + "contexts.Bad_Name.topics.replicationFactor: must be a whole number from 1 to 32767, got 'two'; "
        + "current-context: names no context, got 'nowhere'");
  }

  @Test
  void aSecretMayBeReferencedInsideAValue() throws Exception {
    Contexts contexts = parse("""
        contexts:
          dev:
            flink: {rest: "http://flink:8081"}
            kafka:
              bootstrap: b:9092
              properties:
                sasl.jaas.config: ScramLoginModule required username="u" password="${env:DEV_KAFKA_PASSWORD}";
            registry: {url: "http://r:8085/apis/ccompat/v7"}
        """);

    Context dev = contexts.select(Optional.of("dev"));
    assertThat(dev.kafka().properties().get("sasl.jaas.config")).contains("${env:DEV_KAFKA_PASSWORD}");
    assertThat(dev.topics().partitions()).as("unset: the broker's default").isEmpty();
    assertThat(contexts.current()).isEqualTo("local");
  }

  @Test
  void anEmptyFileHasOnlyTheLocalContext() throws Exception {
    assertThat(parse("").all()).containsExactly(Context.LOCAL);
  }

  @Test
  void aLineageSectionSendsTheContextsRunEventsToAFileOrAnOpenLineageClientConfig() throws Exception {
    Contexts contexts = parse("""
        contexts:
          to-file:
            flink: {rest: "http://flink:8081"}
            kafka: {bootstrap: "b:9092"}
            registry: {url: "http://r:8085/apis/ccompat/v7"}
            lineage: {file: lineage/events.jsonl}
          to-marquez:
            flink: {rest: "http://flink:8081"}
            kafka: {bootstrap: "b:9092"}
            registry: {url: "http://r:8085/apis/ccompat/v7"}
            lineage: {namespace: prod, config: /etc/baton/openlineage.yml}
          without:
            flink: {rest: "http://flink:8081"}
            kafka: {bootstrap: "b:9092"}
            registry: {url: "http://r:8085/apis/ccompat/v7"}
        """);

    assertThat(contexts.select(Optional.of("to-file")).lineage()).map(Object::toString)
        .contains("LineageSettings.toFile(/home/u/.config/baton/lineage/events.jsonl).inNamespace(baton)");
    assertThat(contexts.select(Optional.of("to-marquez")).lineage()).map(Object::toString)
        .contains("LineageSettings.fromClientConfig(/etc/baton/openlineage.yml).inNamespace(prod)");
    assertThat(contexts.select(Optional.of("without")).lineage()).isEmpty();
  }

  @Test
  void aLineageSectionNamesExactlyOneDestination() {
    assertThatThrownBy(() -> parse("""
        contexts:
          both:
            flink: {rest: "http://flink:8081"}
            kafka: {bootstrap: "b:9092"}
            registry: {url: "http://r:8085/apis/ccompat/v7"}
            lineage: {file: a.jsonl, config: b.yml, url: "http://marquez:5000"}
        """)).isInstanceOf(CliException.class).hasMessage("invalid contexts file " + FILE + ": "
        + "contexts.both.lineage.url: unknown key; the keys here are config, file, namespace; "
        + "contexts.both.lineage: set one of file (a JSON-lines file of events) or config (an OpenLineage client config file)");
  }

  @Test
  void aKubernetesContextHoldsItsClusterAndTheInClusterServers() throws Exception {
    Context dev = parse("""
        contexts:
          k8s-dev:
            kind: kubernetes
            kubernetes:
              kubeconfig: kube/dev.yaml
              namespace: streaming
              session: nightly
              jarURI: s3://jars/baton-examples.jar
              kafkaCluster: events
            kafka: {bootstrap: "events-kafka-bootstrap:9092"}
            registry: {url: "http://registry.streaming:8080/apis/ccompat/v7"}
        """).select(Optional.of("k8s-dev"));

    assertThat(dev.kind()).isEqualTo("kubernetes");
    assertThat(dev.kube().kubeconfig()).contains(Path.of("/home/u/.config/baton/kube/dev.yaml"));
    assertThat(dev.kube().settings(Path.of("x.jar")).toString()).isEqualTo("K8sSettings.defaults()"
        + ".withNamespace(\"streaming\").withKafkaCluster(\"events\").withBootstrapServers(\"events-kafka-bootstrap:9092\")"
        + ".withRegistryUrl(\"http://registry.streaming:8080/apis/ccompat/v7\").withSessionDeployment(\"nightly\")"
        + ".withJarUri(\"s3://jars/baton-examples.jar\").withCheckpointInterval(\"2s\").withOverlay(\"k8s/overlays/dev\")");
  }

  @Test
  void aKubernetesContextWithoutSettingsTakesTheBaseNamesAndTheJarInTheImage() throws Exception {
    Context bare = parse("contexts: {k8s: {kind: kubernetes}}").select(Optional.of("k8s"));

    assertThat(bare.kube().kubeconfig()).isEmpty();
    assertThat(bare.kube().settings(Path.of("/build/my-jobs.jar")).jarUri()).isEqualTo("file:///opt/baton/jobs/my-jobs.jar");
    assertThat(bare.kube().settings().namespace()).isEqualTo("baton");
    assertThat(bare.kube().settings().sessionDeployment()).isEqualTo("baton-session");
  }

  @Test
  void aKubernetesContextReportsEveryProblemTogether() {
    assertThatThrownBy(() -> parse("""
        contexts:
          k8s:
            kind: kubernetes
            flink: {rest: "http://flink:8081"}
            kubernetes: {namespace: Streaming, session: "a_b", jarURI: baton.jar, image: x}
            kafka: {bootstrap: "no-port", properties: {security.protocol: SASL_SSL}}
            registry: {url: "registry:8080"}
          odd:
            kind: yarn
            flink: {rest: "http://flink:8081"}
            kafka: {bootstrap: "broker:9092"}
            registry: {url: "http://registry:8085"}
        """)).isInstanceOf(CliException.class).hasMessage("invalid contexts file " + FILE + ": "
        + "contexts.k8s.flink: unknown key; the keys here are kafka, kind, kubernetes, registry; "
        + "contexts.k8s.kubernetes.image: unknown key; the keys here are jarURI, kafkaCluster, kubeconfig, namespace, session; "
        + "contexts.k8s.kubernetes.namespace: namespace must be a DNS-1123 label (lowercase letters, digits, '-', at most 63), got 'Streaming'; "
        + "contexts.k8s.kubernetes.session: sessionDeployment must be a DNS-1123 label (lowercase letters, digits, '-', at most 63), got 'a_b'; "
        + "contexts.k8s.kubernetes.jarURI: jarUri must be a URI with a scheme (https://, s3://, file://), got 'baton.jar'; "
        + "contexts.k8s.kafka.properties: unknown key; the keys here are bootstrap; "
        + "contexts.k8s.kafka.bootstrap: must be host:port[,host:port...] as the stage jobs reach Kafka in the cluster, got 'no-port'; "
        + "contexts.k8s.registry.url: must start with http:// or https://, got 'registry:8080'; "
        + "contexts.odd.kind: must be flink (the default) or kubernetes, got 'yarn'");
  }
}
