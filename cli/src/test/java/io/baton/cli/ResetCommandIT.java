package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.stack.Component;
import io.baton.stack.KafkaServer;
import io.baton.stack.ManagedProcess;
import io.baton.stack.Ports;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton reset} on a real broker (the stack's Kafka alone, on free ports): without {@code --yes} it lists what
 * it would delete, deletes nothing and fails; with it the sensor story's handoff, output, dead-letter and lineage topics and its
 * consumer groups are gone, while its input topic and what belongs to others stay.
 */
class ResetCommandIT {
  /** The sensor story's topics, named as the README says: {@code <pipeline>.<stage>}, dead letters, its output, lineage. */
  private static final List<String> WRITTEN = List.of("sensor-story.readings", "sensor-story.readings.dead-letter",
      "sensor-story.per-minute", "sensor-story.per-minute.dead-letter", "sensors.alerts",
      "sensor-story.alerts.dead-letter", "sensor-story.lineage");
  private static final List<String> GROUPS = List.of("baton.sensor-story.readings", "baton.sensor-story.per-minute",
      "baton.sensor-story.alerts");
  private static final String INPUT = "sensors.readings";
  private static final String OTHERS_TOPIC = "someone-else.in";
  private static final String OTHERS_GROUP = "baton.someone-else.readings";

  @TempDir
  static Path home;

  private static ManagedProcess kafka;
  private static Admin admin;

  @BeforeAll
  static void startKafkaAsTheStacksBroker() throws Exception {
    StackConfig config = StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(Ports.freeEphemeral()).build();
    Files.createDirectories(config.layout().logsDir());
    KafkaServer server = new KafkaServer(config);
    kafka = server.start();
    server.awaitReady(kafka, Instant.now().plus(Duration.ofMinutes(2)));
    StackState state = new StackState(config.layout());
    state.recordPorts(config.ports());
    state.recordPid(Component.KAFKA, kafka.pid());
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server.endpoint()));
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (admin != null) {
      admin.close();
    }
    if (kafka != null) {
      kafka.stop(Duration.ofSeconds(30));
    }
  }

  @Test
  void resetListsWithoutYesAndDeletesWithIt() throws Exception {
    List<String> all = new java.util.ArrayList<>(WRITTEN);
    all.addAll(List.of(INPUT, OTHERS_TOPIC));
    admin.createTopics(all.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
    for (String group : GROUPS) {
      commitOffset(group, "sensor-story.readings");
    }
    commitOffset(OTHERS_GROUP, OTHERS_TOPIC);

    CliRun dry = CliRun.at(home, "reset", "sensor-story");

    assertThat(dry.exitCode()).as(dry.err()).isEqualTo(1);
    assertThat(dry.err().trim())
        .isEqualTo("baton: nothing was deleted; to delete the above, run: ./baton reset sensor-story --yes");
    assertThat(dry.out()).startsWith("Would delete from Kafka at ").contains("(pipeline sensor-story):")
        .contains("  topic sensor-story.per-minute (handoff)", "  topic sensors.alerts (output)",
            "  topic sensor-story.alerts.dead-letter (dead-letter)", "  topic sensor-story.lineage (lineage)",
            "  consumer group baton.sensor-story.alerts")
        .contains("Kept: input topic sensors.readings; the registry's subjects.");
    assertThat(dry.out().lines().filter(l -> l.startsWith("  topic "))).hasSize(WRITTEN.size());
    assertThat(dry.out().lines().filter(l -> l.startsWith("  consumer group "))).hasSize(GROUPS.size());
    assertThat(topics()).containsAll(all);
    assertThat(groups()).containsAll(GROUPS);

    CliRun reset = CliRun.at(home, "reset", "sensor-story", "--yes");

    assertThat(reset.exitCode()).as(reset.err() + reset.out()).isZero();
    assertThat(reset.out()).contains("Deleted 7 topics and 3 consumer groups of sensor-story");
    assertThat(topics()).doesNotContainAnyElementsOf(WRITTEN).contains(INPUT, OTHERS_TOPIC);
    assertThat(groups()).doesNotContainAnyElementsOf(GROUPS).contains(OTHERS_GROUP);

    CliRun again = CliRun.at(home, "reset", "sensor-story");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).startsWith("Nothing to reset: pipeline sensor-story has no topics or consumer groups");
  }

  private static void commitOffset(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    offsets.put(new TopicPartition(topic, 0), new OffsetAndMetadata(0));
    admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
  }

  private static Set<String> topics() throws Exception {
    return new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
  }

  private static Set<String> groups() throws Exception {
    Set<String> groups = new TreeSet<>();
    admin.listGroups().all().get(30, TimeUnit.SECONDS).stream().map(GroupListing::groupId).forEach(groups::add);
    return groups;
  }
}
