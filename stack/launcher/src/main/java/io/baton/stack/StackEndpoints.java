package io.baton.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where clients reach a running stack, and for a secure stack ({@code up --secure}) the file with the Kafka admin's
 * client settings.
 *
 * <pre>{@code
 * StackEndpoints e = StackEndpoints.of(Ports.defaults());
 * e.registryUrl();                 // http://127.0.0.1:8085/apis/ccompat/v7
 * e.kafkaClientProperties();       // {} (plain); secure: security.protocol, sasl.mechanism, sasl.jaas.config
 * Admin.create(e.kafkaClientConfig());
 * }</pre>
 */
public record StackEndpoints(Ports ports, Optional<Path> kafkaClientPropertiesFile) {
  public StackEndpoints {
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(kafkaClientPropertiesFile, "kafkaClientPropertiesFile");
  }

  /** A plain stack's endpoints. */
  public static StackEndpoints of(Ports ports) {
    return new StackEndpoints(ports, Optional.empty());
  }

  /** A secure stack's endpoints; {@code adminClientProperties} holds the admin's Kafka client settings. */
  public static StackEndpoints secure(Ports ports, Path adminClientProperties) {
    return new StackEndpoints(ports, Optional.of(adminClientProperties));
  }

  /** Kafka wants SASL/SCRAM and applies ACLs. */
  public boolean isSecure() {
    return kafkaClientPropertiesFile.isPresent();
  }

  public KafkaSecurity kafkaSecurity() {
    return isSecure() ? KafkaSecurity.SCRAM : KafkaSecurity.PLAIN;
  }

  /** Every broker's address, broker 1 first. */
  public String kafkaBootstrapServers() {
    return KafkaServer.bootstrapServers(ports);
  }

  /**
   * The Kafka client settings besides the bootstrap servers: empty for a plain stack, the admin's
   * security.protocol, sasl.mechanism and sasl.jaas.config for a secure one (read from its owner-only file).
   */
  public Map<String, String> kafkaClientProperties() {
    if (kafkaClientPropertiesFile.isEmpty()) {
      return Map.of();
    }
    Path f = kafkaClientPropertiesFile.get();
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the secure stack's Kafka admin client properties " + f + ": " + e
          + "; 'baton up --secure' writes it", e);
    }
    Map<String, String> result = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> result.put(k, p.getProperty(k)));
    return result;
  }

  /** {@code bootstrap.servers} and {@link #kafkaClientProperties()}: enough for an admin client, producer or consumer. */
  public Map<String, Object> kafkaClientConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("bootstrap.servers", kafkaBootstrapServers());
    config.putAll(kafkaClientProperties());
    return config;
  }

  /** The Confluent-compatible schema registry API. */
  public String registryUrl() {
    return RegistryServer.url(ports);
  }

  /** The Flink web UI, also the REST API for job submission. */
  public String flinkWebUrl() {
    return FlinkSessionCluster.webUrl(ports);
  }

  /** Where one server is reached: a Kafka broker at its own address, the others as {@link #endpointOf(Component)}. */
  public String endpointOf(ServerId s) {
    return s.component() == Component.KAFKA && ports.brokers() > 1 ? "127.0.0.1:" + ports.kafka(s.node())
        : endpointOf(s.component());
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
