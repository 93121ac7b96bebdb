package io.baton.cli.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * What each broker of a running Kafka does for the fault pipeline right now: which partitions of its topics it
 * leads, which of its sinks' transactional ids it coordinates, and whether it is the active controller. A broker
 * fault test kills the busiest one.
 *
 * <pre>{@code
 * BrokerRoles roles = BrokerRoles.read(admin, List.of("faults.accept", "faults.batches"));
 * int victim = roles.busiest();
 * roles.describe(victim);   // leads faults.accept-0, faults.batches-0; coordinates 2 of 4 transactional ids; controller
 * }</pre>
 */
public record BrokerRoles(Map<Integer, List<String>> leads, Map<Integer, List<String>> coordinates,
    int transactionalIds, int controller) {

  /** The roles of every broker the cluster lists, for {@code topics} and every transactional id it knows. */
  public static BrokerRoles read(Admin admin, List<String> topics) throws Exception {
    Map<Integer, List<String>> leads = new TreeMap<>();
    Map<Integer, List<String>> coordinates = new TreeMap<>();
    for (Node n : admin.describeCluster().nodes().get()) {
      leads.put(n.id(), new ArrayList<>());
      coordinates.put(n.id(), new ArrayList<>());
    }
    for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
      for (TopicPartitionInfo p : d.partitions()) {
        if (p.leader() != null) {
          leads.computeIfAbsent(p.leader().id(), k -> new ArrayList<>()).add(d.name() + "-" + p.partition());
        }
      }
    }
    List<String> ids = admin.listTransactions().all().get().stream().map(TransactionListing::transactionalId).toList();
    if (!ids.isEmpty()) {
      admin.describeTransactions(ids).all().get().forEach((id, t) ->
          coordinates.computeIfAbsent(t.coordinatorId(), k -> new ArrayList<>()).add(id));
    }
    int controller = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
    return new BrokerRoles(leads, coordinates, ids.size(), controller);
  }

  /** The broker with the most partition leaderships and transaction coordinations together (lowest id on a tie). */
  public int busiest() {
    int best = -1;
    int bestLoad = -1;
    for (int broker : leads.keySet()) {
      int load = leads.get(broker).size() + coordinates.getOrDefault(broker, List.of()).size();
      if (load > bestLoad) {
        best = broker;
        bestLoad = load;
      }
    }
    return best;
  }

  /** What {@code broker} does, in one line. */
  public String describe(int broker) {
    return "leads " + (leads.getOrDefault(broker, List.of()).isEmpty() ? "no partition"
        : String.join(", ", leads.get(broker))) + "; coordinates " + coordinates.getOrDefault(broker, List.of()).size()
        + " of " + transactionalIds + " transactional ids" + (broker == controller ? "; active controller" : "");
  }

  /** Waits until every partition of {@code topics} has {@code replicas} replicas in sync. */
  public static void awaitAllInSync(Admin admin, Collection<String> topics, int replicas, Duration timeout)
      throws TimeoutException, InterruptedException {
    Waits.until("every partition of " + topics + " with " + replicas + " replicas in sync", timeout, () ->
        admin.describeTopics(topics).allTopicNames().get().values().stream().flatMap(d -> d.partitions().stream())
            .allMatch(p -> p.isr().size() == replicas));
  }
}
