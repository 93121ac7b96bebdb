package io.baton.k8s;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

/** Kafka's ACL names as Strimzi's KafkaUser spells them. */
final class StrimziNames {
  private StrimziNames() {}

  static String resourceType(ResourceType type) {
    return switch (type) {
      case TOPIC -> "topic";
      case GROUP -> "group";
      case CLUSTER -> "cluster";
      case TRANSACTIONAL_ID -> "transactionalId";
      default -> throw new IllegalArgumentException("Strimzi's KafkaUser has no resource type for " + type);
    };
  }

  static String operation(AclOperation operation) {
    return switch (operation) {
      case READ -> "Read";
      case WRITE -> "Write";
      case CREATE -> "Create";
      case DELETE -> "Delete";
      case ALTER -> "Alter";
      case DESCRIBE -> "Describe";
      case CLUSTER_ACTION -> "ClusterAction";
      case ALTER_CONFIGS -> "AlterConfigs";
      case DESCRIBE_CONFIGS -> "DescribeConfigs";
      case IDEMPOTENT_WRITE -> "IdempotentWrite";
      case ALL -> "All";
      default -> throw new IllegalArgumentException("Strimzi's KafkaUser has no operation for " + operation);
    };
  }
}
