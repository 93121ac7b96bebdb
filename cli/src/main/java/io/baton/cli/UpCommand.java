package io.baton.cli;

import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.StackConfig;
import io.baton.stack.StackEndpoints;
import io.baton.stack.StackException;
import io.baton.stack.UpResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton up}: starts Kafka, the schema registry and a Flink session cluster on 127.0.0.1. Without port flags
 * it uses the ports the stack last ran on in its home (the defaults the first time); a flag replaces one port, and
 * the ports it starts on are kept for the next {@code up}, {@code status}, {@code run} and the other commands.
 * {@code --secure} on a fresh state folder gives Kafka a SASL/SCRAM listener and ACLs with an admin super-user; the
 * stack then stays secure across {@code down}/{@code up} (plain likewise), and switching needs a fresh state folder.
 * {@code --brokers 3} on a fresh state folder runs three Kafka brokers (each also a KRaft controller) with
 * replication factor 3 and {@code min.insync.replicas} 2; like security, the number stays with the state folder, and
 * it is plain only.
 *
 * <pre>{@code
 * baton up --kafka-port 19092 --flink-port 18081
 * baton up --secure --home /tmp/secure-stack
 * baton up --brokers 3 --kafka-port 19092,19094,19096 --kafka-controller-port 19093,19095,19097
 * }</pre>
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start the local stack: Kafka (KRaft), schema registry, Flink session cluster.")
final class UpCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Option(names = "--brokers", paramLabel = "<n>",
      description = "Kafka brokers, each also a KRaft controller: 1, or 3 for replication factor 3 and"
          + " min.insync.replicas 2 (default: as many as the stack last ran, first 1). Fixed when Kafka's data is"
          + " created; plain only.")
  Integer brokers;

  @Option(names = "--kafka-port", paramLabel = "<port>[,<port>...]", split = ",",
      description = "Kafka broker port; with several brokers, one per broker in order (default: the last ones"
          + " used, first 9092; a broker without one takes the port two above the previous broker's).")
  List<Integer> kafkaPort;

  @Option(names = "--kafka-controller-port", paramLabel = "<port>[,<port>...]", split = ",",
      description = "Kafka KRaft controller port; with several brokers, one per broker in order (default: the last"
          + " ones used, first 9093; a broker without one takes the port two above the previous broker's).")
  List<Integer> kafkaControllerPort;

  @Option(names = "--registry-port", paramLabel = "<port>",
      description = "Schema registry port (default: the last one used, first 8085).")
  Integer registryPort;

  @Option(names = "--flink-port", paramLabel = "<port>",
      description = "Flink web UI and REST port (default: the last one used, first 8081).")
  Integer flinkPort;

  @Option(names = "--flink-rpc-port", paramLabel = "<port>",
      description = "Flink JobManager RPC port (default: the last one used, first 6123).")
  Integer flinkRpcPort;

  @Option(names = "--prometheus-port", paramLabel = "<port>",
      description = "Flink's Prometheus reporter: the JobManager's port, the TaskManager takes the next one; the first"
          + " free pair from there (default: from the last one used, first 9249).")
  Integer prometheusPort;

  @Option(names = "--secure",
      description = "Kafka with SASL/SCRAM-SHA-512 and ACLs (StandardAuthorizer), super-user admin; its password is"
          + " generated once and kept owner-only under <home>/secure/. Chosen when Kafka's data is created:"
          + " a stack stays secure (or plain) until its state folder is deleted.")
  boolean secure;

  @Override
  public Integer call() throws StackException, InterruptedException {
    context.requireLocal("up");
    PrintWriter out = spec.commandLine().getOut();
    LocalStack local = new LocalStack(withPrometheusPort(stack.config(ports()).withSecure(secure)));
    bringUp(local, out);
    out.println("Stop it with: baton down");
    out.flush();
    return ExitCodes.OK;
  }

  /** Starts the stack (or finds it up), printing a line per server and then where to reach it. */
  static UpResult bringUp(LocalStack local, PrintWriter out) throws StackException, InterruptedException {
    UpResult result = local.up((server, elapsed, endpoint) -> {
      out.printf(Locale.ROOT, "%-12s ready after %6s  %s%n", server.id(), seconds(elapsed), endpoint);
      out.flush();
    });
    if (result.alreadyRunning()) {
      out.println("Baton stack is already up (state: " + local.layout().home() + ")");
    } else {
      out.println("Baton stack is up after " + seconds(result.elapsed()) + " (state: " + local.layout().home() + ")");
    }
    printEndpoints(out, result.endpoints());
    out.println("  Flink Prometheus metrics " + String.join(" ", local.prometheusUrls()));
    out.flush();
    return result;
  }

  /** The ports the stack last ran on in this home (else the defaults), each one given as a flag replaced. */
  Ports ports() throws StackException {
    Ports p = stack.rememberedPorts();
    try {
      if (brokers != null) {
        if (brokers != 1 && brokers != 3) {
          throw new IllegalArgumentException("--brokers must be 1 or 3 but was " + brokers);
        }
        p = p.withBrokers(brokers);
      }
      p = p.withKafkaNodes(nodePorts(p.kafkaPorts(), "--kafka-port", kafkaPort),
          nodePorts(p.kafkaControllerPorts(), "--kafka-controller-port", kafkaControllerPort));
      p = registryPort != null ? p.withRegistry(registryPort) : p;
      p = flinkPort != null ? p.withFlinkRest(flinkPort) : p;
      return flinkRpcPort != null ? p.withFlinkRpc(flinkRpcPort) : p;
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * One port per broker from the first; a broker past the list takes the port two above the previous broker's.
   * More ports than brokers is an error naming {@code --brokers}.
   */
  private static List<Integer> nodePorts(List<Integer> remembered, String option, List<Integer> given) {
    if (given == null) {
      return remembered;
    }
    if (given.size() > remembered.size()) {
      throw new IllegalArgumentException(option + " names " + given.size() + " ports but the stack has "
          + remembered.size() + (remembered.size() == 1 ? " broker" : " brokers") + "; add --brokers " + given.size());
    }
    List<Integer> ports = new java.util.ArrayList<>(given);
    while (ports.size() < remembered.size()) {
      ports.add(ports.get(ports.size() - 1) + 2);
    }
    return ports;
  }

  /** The Prometheus port given replaces the one the stack last ran with in this home (first 9249). */
  StackConfig withPrometheusPort(StackConfig config) {
    try {
      return prometheusPort == null ? config : config.withPrometheusPort(prometheusPort);
    } catch (IllegalStateException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--prometheus-port: " + e.getMessage());
    }
  }

  static void printEndpoints(PrintWriter out, StackEndpoints e) {
    out.println("  Kafka bootstrap servers  " + e.kafkaBootstrapServers());
    printKafkaSecurity(out, e);
    out.println("  Schema registry          " + e.registryUrl());
    out.println("  Flink web UI             " + e.flinkWebUrl());
  }

  /** For a secure stack: what Kafka wants and where the admin's client settings are (never the password). */
  static void printKafkaSecurity(PrintWriter out, StackEndpoints e) {
    e.kafkaClientPropertiesFile().ifPresent(file -> {
      out.println("  Kafka security           " + e.kafkaSecurity().describe());
      out.println("  Kafka admin client       " + file + " (owner-only, holds the password)");
    });
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
