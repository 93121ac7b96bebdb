package io.baton.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A Kafka broker for one test class: its own JVM from the checkout's stack/kafka-runtime, started by the same
 * {@link KafkaServer} as {@code baton up}, on the ports and state folder of a {@link StackConfig} (the caller keeps
 * the folder). Secure when the config asks ({@link StackConfig#secure()}) and the folder is fresh, or when its Kafka
 * data was formatted secure: then the admin's password and client properties file are written as {@code up --secure}
 * writes them, and {@link #endpoints()} carries them. A shutdown hook kills it if the JVM ends without
 * {@link #close()}.
 *
 * <pre>{@code
 * try (ThrowawayKafka kafka = ThrowawayKafka.start(StackConfig.builder().repo(RepoRoot.locate())
 *     .home(dir).ports(Ports.freeEphemeral()).secure(true).build())) {
 *   Admin.create(kafka.endpoints().kafkaClientConfig());   // as the admin super-user
 * }
 * }</pre>
 */
public final class ThrowawayKafka implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final StackEndpoints endpoints;
  private final ScramClient admin;
  private final Thread hook;
  private volatile ManagedProcess process;

  private ThrowawayKafka(StackEndpoints endpoints, ScramClient admin) {
    this.endpoints = endpoints;
    this.admin = admin;
    this.hook = new Thread(this::kill, "baton-kafka-stop");
  }

  /** Starts the broker and waits until it answers (as the admin, if secure). */
  public static ThrowawayKafka start(StackConfig config) throws IOException, StackException, InterruptedException {
    LocalStack stack = new LocalStack(config);
    KafkaSecurity security = stack.kafkaSecurity();
    ScramClient admin = security == KafkaSecurity.SCRAM ? new StackSecrets(config.layout()).prepareAdmin() : null;
    KafkaServer server = admin == null ? new KafkaServer(config) : KafkaServer.secure(config, admin);
    Files.createDirectories(config.layout().logsDir());
    ThrowawayKafka kafka = new ThrowawayKafka(admin == null ? StackEndpoints.of(config.ports())
        : StackEndpoints.secure(config.ports(), config.layout().adminClientProperties()), admin);
    Runtime.getRuntime().addShutdownHook(kafka.hook);
    try {
      kafka.process = server.start();
      server.awaitReady(kafka.process, Instant.now().plus(START_TIMEOUT));
      return kafka;
    } catch (IOException | StackException | InterruptedException | RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  /** Bootstrap servers and, if secure, the admin's client properties. */
  public StackEndpoints endpoints() {
    return endpoints;
  }

  /** The super-user of a secure broker. */
  public Optional<ScramClient> admin() {
    return Optional.ofNullable(admin);
  }

  ManagedProcess process() {
    return process;
  }

  /** Stops the broker; its data stays in the state folder. */
  @Override
  public void close() throws InterruptedException {
    ManagedProcess p = process;
    process = null;
    if (p != null) {
      p.stop(STOP_TIMEOUT);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway and finds nothing to kill
    }
  }

  private void kill() {
    ManagedProcess p = process;
    if (p != null) {
      p.handle().destroyForcibly();
    }
  }

  @Override
  public String toString() {
    ManagedProcess p = process;
    return "ThrowawayKafka[" + endpoints.kafkaBootstrapServers() + ", " + endpoints.kafkaSecurity()
        + (p == null ? ", stopped" : ", pid " + p.pid()) + "]";
  }
}
