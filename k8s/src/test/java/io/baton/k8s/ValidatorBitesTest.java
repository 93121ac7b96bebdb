package io.baton.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.k8s.validate.Manifests;
import io.baton.k8s.validate.YamlDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator refuses what the API server would: without these, a passing manifest test would mean nothing. */
class ValidatorBitesTest {
  private static final Manifests MANIFESTS = new Manifests(K8sFiles.crds());

  @Test
  void unknownFieldInACustomResourceIsRejected() {
    assertThat(problems("""
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkSessionJob
        metadata: {name: j}
        spec:
          deploymentName: baton-session
          job: {jarURI: "file:///a.jar", parallelizm: 2}
        """)).singleElement().asString().contains("/spec/job").contains("parallelizm");
  }

  @Test
  void wrongTypeInACustomResourceIsRejected() {
    assertThat(problems("""
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata: {name: brokers}
        spec:
          replicas: "3"
          roles: [broker]
          storage: {type: ephemeral}
        """)).singleElement().asString().contains("/spec/replicas").contains("string");
  }

  @Test
  void valueOutsideAnEnumIsRejected() {
    assertThat(problems("""
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaUser
        metadata: {name: u}
        spec:
          authorization:
            type: simple
            acls: [{resource: {type: topic, name: t, patternType: literal}, operations: [Reed]}]
        """)).singleElement().asString().contains("/spec/authorization/acls/0/operations/0");
  }

  @Test
  void missingRequiredFieldIsRejected() {
    assertThat(problems("""
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata: {name: brokers}
        spec: {replicas: 1, roles: [broker]}
        """)).singleElement().asString().contains("storage");
  }

  @Test
  void unknownFieldInACoreKindIsRejected() {
    assertThat(problems("""
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          type: ClusterIP
          ports: [{port: 8080, targetPrt: http}]
        """)).singleElement().asString().contains("targetPrt");
  }

  @Test
  void wrongTypeInACoreKindIsRejected() {
    assertThat(problems("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          replicas: "2"
          selector: {matchLabels: {a: b}}
          template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}
        """)).singleElement().asString().contains("replicas");
  }

  @Test
  void unknownMetadataFieldAndBadNameAreRejected() {
    assertThat(problems("""
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaTopic
        metadata: {name: Sensor_Readings, lables: {a: b}}
        spec: {partitions: 1}
        """)).hasSize(2).anySatisfy(p -> assertThat(p).contains("lables"))
        .anySatisfy(p -> assertThat(p).contains("DNS-1123"));
  }

  @Test
  void aKindWithoutSchemaIsRejected() {
    assertThat(problems("""
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaConnect
        metadata: {name: c}
        spec: {}
        """)).singleElement().asString().contains("no schema for kafka.strimzi.io/v1 KafkaConnect");
  }

  @Test
  void preservedFieldsStayOpen() {
    assertThat(problems("""
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkSessionJob
        metadata: {name: j}
        spec:
          deploymentName: baton-session
          flinkConfiguration: {any.key.at.all: "x"}
          job: {jarURI: "file:///a.jar", parallelism: 2, upgradeMode: savepoint}
        """)).isEmpty();
  }

  private static List<String> problems(String yaml) {
    return MANIFESTS.problems(YamlDocuments.parse(yaml, "test"), false);
  }
}
