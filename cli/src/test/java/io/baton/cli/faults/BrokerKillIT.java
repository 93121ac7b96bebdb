package io.baton.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.stack.ServerId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --brokers 3} (replication factor 3, {@code min.insync.replicas} 2), readings streaming through both
 * stages; {@code kill -9} of the broker that leads the most handoff/output partitions and coordinates the most of the
 * stages' transactions; the two brokers left elect new leaders and coordinators and the jobs go on (or Flink restarts
 * them from their checkpoints); the broker is started again, catches up and rejoins every ISR; the final topic holds
 * every reading exactly once.
 */
class BrokerKillIT {
  private static final List<String> TOPICS = List.of(FaultPipeline.INPUT, FaultPipeline.NAME + "." + FaultPipeline.ACCEPT,
      FaultPipeline.OUTPUT, "__transaction_state");

  @TempDir
  Path home;

  @Test
  void aKilledBrokerOfThreeLosesNothingAndWritesNothingTwiceAndRejoinsWhenStartedAgain() throws Exception {
    Feeder.Plan plan = Feeder.Plan.fromSystemProperties();
    try (FaultStack stack = FaultStack.up(home, 3);
        Admin admin = Admin.create(Map.of("bootstrap.servers", stack.endpoints().kafkaBootstrapServers()))) {
      stack.run();
      Map<String, String> jobs = stack.runningJobs();
      try (Feeder feeder = stack.feed(plan)) {
        feeder.awaitAcked(plan.records() * 2L / 5, FaultStack.WAIT);
        stack.checker().awaitOut(feeder, 1, FaultStack.WAIT);

        BrokerRoles roles = BrokerRoles.read(admin, TOPICS.subList(0, 3));
        int victim = roles.busiest();
        System.out.println("killing kafka broker " + victim + ": " + roles.describe(victim));
        assertThat(roles.leads().get(victim)).as("the victim leads a partition of the pipeline's topics").isNotEmpty();

        Instant fault = stack.kill(ServerId.kafka(victim));
        Duration recovery = stack.awaitRecovered(fault, FaultStack.WAIT);
        // Both stages checkpointed without it; the two left lead everything.
        BrokerRoles without = BrokerRoles.read(admin, TOPICS.subList(0, 3));
        assertThat(without.leads()).doesNotContainKey(victim);
        System.out.println("without broker " + victim + ", leaders: " + without.leads() + "; stage job failures so far: "
            + restarts(stack, jobs));

        Instant back = Instant.now();
        stack.start(ServerId.kafka(victim));
        BrokerRoles.awaitAllInSync(admin, TOPICS, 3, FaultStack.WAIT);
        System.out.printf("broker %d back in every ISR %.1f s after its start%n", victim,
            Duration.between(back, Instant.now()).toMillis() / 1000.0);

        Counts counts = stack.checker().awaitComplete(feeder, Duration.ofMinutes(5));
        FaultReport.of("kafka broker " + victim + " of 3 kill -9, started again", counts, recovery,
            feeder.achievedRate()).print();
        assertThat(counts.in()).isEqualTo(plan.records());
        assertThat(counts.missing()).as(counts.toString()).isZero();
        assertThat(counts.dup()).as(counts.toString()).isZero();
        assertThat(counts.misplaced()).as(counts.toString()).isZero();
        assertThat(counts.dead()).isEqualTo(plan.records() / plan.badEvery());
        assertThat(stack.runningJobs()).as("the same jobs run: never resubmitted").isEqualTo(jobs);
      }
    }
  }

  /** How often each stage's job failed and was restarted by Flink (its exception history). */
  static Map<String, Integer> restarts(FaultStack stack, Map<String, String> jobs) throws Exception {
    Map<String, Integer> restarts = new java.util.TreeMap<>();
    for (Map.Entry<String, String> job : jobs.entrySet()) {
      restarts.put(job.getKey(), stack.flink().get("jobs/" + job.getValue() + "/exceptions")
          .path("exceptionHistory").path("entries").size());
    }
    return restarts;
  }
}
