package io.baton.stack;

/**
 * Where clients reach a running stack.
 *
 * <pre>{@code
 * StackEndpoints e = StackEndpoints.of(Ports.defaults());
 * e.registryUrl();   // http://127.0.0.1:8085/apis/ccompat/v7
 * }</pre>
 */
public record StackEndpoints(Ports ports) {
  public static StackEndpoints of(Ports ports) {
    return new StackEndpoints(ports);
  }

  public String kafkaBootstrapServers() {
    return KafkaServer.bootstrapServers(ports);
  }

  /** The Confluent-compatible schema registry API. */
  public String registryUrl() {
    return RegistryServer.url(ports);
  }

  /** The Flink web UI, also the REST API for job submission. */
  public String flinkWebUrl() {
    return FlinkSessionCluster.webUrl(ports);
  }

  public String endpointOf(Component c) {
    return switch (c) {
      case KAFKA -> kafkaBootstrapServers();
      case REGISTRY -> registryUrl();
      case JOBMANAGER -> flinkWebUrl();
      case TASKMANAGER -> "jobmanager rpc 127.0.0.1:" + ports.flinkRpc();
    };
  }
}
