package io.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.SecretKeys;
import io.baton.flink.deploy.TopicDefaults;
import io.baton.flink.lineage.LineageSettings;
import io.baton.k8s.K8sSettings;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads the contexts file's tree into {@link Contexts}, checking every part and reporting all problems together,
 * each with its path in the file ({@code contexts.shared.kafka.bootstrap: ...}). A secret in clear text is a
 * problem: secrets are referenced ({@code ${env:NAME}}, {@code ${file:/path}}) or kept in a properties file.
 *
 * <pre>{@code
 * Contexts contexts = new ContextParser(Path.of("config.yaml")).parse(new YAMLMapper().readTree(text));
 * }</pre>
 */
final class ContextParser {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern SERVERS = Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");
  private static final Set<String> TOP = Set.of("current-context", "contexts");
  private static final Set<String> CONTEXT = Set.of("kind", "flink", "kafka", "registry", "topics", "lineage");
  private static final Set<String> LINEAGE = Set.of("namespace", "file", "config");
  private static final Set<String> KUBE_CONTEXT = Set.of("kind", "kubernetes", "kafka", "registry");
  private static final Set<String> KUBERNETES = Set.of("kubeconfig", "namespace", "session", "jarURI", "kafkaCluster");
  private static final Set<String> FLINK = Set.of("rest", "jobFiles", "savepoints");
  private static final Set<String> KAFKA = Set.of("bootstrap", "properties", "propertiesFile");
  private static final Set<String> REGISTRY = Set.of("url", "properties", "propertiesFile");
  private static final Set<String> TOPICS = Set.of("partitions", "replicationFactor", "configs");

  private final Path file;
  private final List<String> problems = new ArrayList<>();

  ContextParser(Path file) {
    this.file = file;
  }

  /** The file's contexts; throws a {@link CliException} listing every problem. */
  Contexts parse(JsonNode root) {
    Map<String, Context> contexts = new LinkedHashMap<>();
    String current = null;
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        problems.add("the file must be a mapping with current-context and contexts");
      } else {
        keys(root, "", TOP);
        current = text(root.get("current-context"), "current-context");
        JsonNode all = root.get("contexts");
        if (all != null && !all.isObject()) {
          problems.add("contexts: must be a mapping of names to contexts");
        } else if (all != null) {
          all.fields().forEachRemaining(e -> {
            Context c = context(e.getKey(), e.getValue());
            if (c != null) {
              contexts.put(e.getKey(), c);
            }
          });
        }
        if (current != null && !current.equals(Context.LOCAL_NAME) && !contexts.containsKey(current)
            && (all == null || !all.has(current))) {
          problems.add("current-context: names no context, got '" + current + "'");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CliException("invalid contexts file " + file + ": " + String.join("; ", problems));
    }
    return new Contexts(file, current, contexts);
  }

  private Context context(String name, JsonNode node) {
    String at = "contexts." + name;
    int before = problems.size();
    if (name.equals(Context.LOCAL_NAME)) {
      problems.add(at + ": 'local' is the local stack and cannot be redefined; pick another name");
      return null;
    }
    if (!NAME.matcher(name).matches()) {
      problems.add(at + ": a context name is lower-case letters, digits, '.', '_' and '-', got '" + name + "'");
    }
    if (node == null || !node.isObject()) {
      problems.add(at + ": must be a mapping with flink, kafka, registry and topics");
      return null;
    }
    String kind = text(node.get("kind"), at + ".kind");
    if (Context.KUBERNETES.equals(kind)) {
      return kubernetes(name, node, at, before);
    }
    if (kind != null && !kind.equals(Context.FLINK)) {
      problems.add(at + ".kind: must be flink (the default) or kubernetes, got '" + kind + "'");
    }
    keys(node, at + ".", CONTEXT);
    String flink = flink(node.get("flink"), at + ".flink");
    Path jobFiles = node.get("flink") == null ? null : path(node.get("flink").get("jobFiles"), at + ".flink.jobFiles");
    KafkaClientConfig kafka = kafka(node.get("kafka"), at + ".kafka");
    RegistryConfig registry = registry(node.get("registry"), at + ".registry");
    TopicDefaults topics = topics(node.get("topics"), at + ".topics");
    if (problems.size() > before || flink == null || kafka == null || registry == null || topics == null) {
      return null;
    }
    LineageSettings lineage = lineage(node.get("lineage"), at + ".lineage");
    String savepoints = node.get("flink") == null ? null : text(node.get("flink").get("savepoints"), at + ".flink.savepoints");
    Context context = Context.remote(name, file, flink, jobFiles, kafka, registry, topics).withSavepoints(savepoints);
    return lineage == null ? context : context.withLineage(lineage);
  }

  /** {@code lineage: {namespace: prod, file: ... | config: openlineage.yml}}; absent: no lineage events. */
  private LineageSettings lineage(JsonNode node, String at) {
    if (!mapping(node, at, false)) {
      return null;
    }
    keys(node, at + ".", LINEAGE);
    Path events = path(node.get("file"), at + ".file");
    Path config = path(node.get("config"), at + ".config");
    String namespace = text(node.get("namespace"), at + ".namespace");
    if ((events == null) == (config == null)) {
      problems.add(at + ": set one of file (a JSON-lines file of events) or config (an OpenLineage client config file)");
      return null;
    }
    if (namespace != null && namespace.isBlank()) {
      problems.add(at + ".namespace: must not be blank");
      return null;
    }
    LineageSettings lineage = events != null ? LineageSettings.toFile(events) : LineageSettings.fromClientConfig(config);
    return namespace == null ? lineage : lineage.inNamespace(namespace.trim());
  }

  /** A context of kind kubernetes: the cluster, the resources' settings, Kafka and registry as seen in the cluster. */
  private Context kubernetes(String name, JsonNode node, String at, int before) {
    keys(node, at + ".", KUBE_CONTEXT);
    K8sSettings settings = K8sSettings.defaults();
    Path kubeconfig = null;
    String jarUri = null;
    JsonNode kube = node.get("kubernetes");
    if (mapping(kube, at + ".kubernetes", false)) {
      keys(kube, at + ".kubernetes.", KUBERNETES);
      kubeconfig = path(kube.get("kubeconfig"), at + ".kubernetes.kubeconfig");
      settings = setting(settings, kube, "namespace", at + ".kubernetes", K8sSettings::withNamespace);
      settings = setting(settings, kube, "session", at + ".kubernetes", K8sSettings::withSessionDeployment);
      settings = setting(settings, kube, "kafkaCluster", at + ".kubernetes", K8sSettings::withKafkaCluster);
      jarUri = text(kube.get("jarURI"), at + ".kubernetes.jarURI");
      setting(settings, kube, "jarURI", at + ".kubernetes", K8sSettings::withJarUri);
    }
    JsonNode kafka = node.get("kafka");
    if (mapping(kafka, at + ".kafka", false)) {
      keys(kafka, at + ".kafka.", Set.of("bootstrap"));
      String bootstrap = text(kafka.get("bootstrap"), at + ".kafka.bootstrap");
      if (bootstrap != null && !SERVERS.matcher(bootstrap.replace(" ", "")).matches()) {
        problems.add(at + ".kafka.bootstrap: must be host:port[,host:port...] as the stage jobs reach Kafka in the"
            + " cluster, got '" + bootstrap + "'");
      } else if (bootstrap != null) {
        settings = settings.withBootstrapServers(bootstrap.replace(" ", ""));
      }
    }
    JsonNode registry = node.get("registry");
    if (mapping(registry, at + ".registry", false)) {
      keys(registry, at + ".registry.", Set.of("url"));
      String url = text(registry.get("url"), at + ".registry.url");
      if (url != null && !isHttp(url)) {
        problems.add(at + ".registry.url: must start with http:// or https://, got '" + url + "'");
      } else if (url != null) {
        settings = settings.withRegistryUrl(url);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return Context.kubernetes(name, file, KubeTarget.of(kubeconfig, settings, jarUri));
  }

  /** {@code settings} with one value of the file applied; if it is not allowed, a problem and {@code settings}. */
  private K8sSettings setting(K8sSettings settings, JsonNode parent, String key, String at,
      BiFunction<K8sSettings, String, K8sSettings> with) {
    String value = text(parent.get(key), at + "." + key);
    if (value == null) {
      return settings;
    }
    try {
      return with.apply(settings, value.trim());
    } catch (IllegalArgumentException e) {
      problems.add(at + "." + key + ": " + e.getMessage());
      return settings;
    }
  }

  private String flink(JsonNode node, String at) {
    if (!mapping(node, at, true)) {
      return null;
    }
    keys(node, at + ".", FLINK);
    String rest = required(node, "rest", at);
    if (rest != null && !isHttp(rest)) {
      problems.add(at + ".rest: must start with http:// or https://, got '" + rest + "'");
      return null;
    }
    return rest;
  }

  private KafkaClientConfig kafka(JsonNode node, String at) {
    if (!mapping(node, at, true)) {
      return null;
    }
    keys(node, at + ".", KAFKA);
    String bootstrap = required(node, "bootstrap", at);
    if (bootstrap != null && !SERVERS.matcher(bootstrap.replace(" ", "")).matches()) {
      problems.add(at + ".bootstrap: must be host:port[,host:port...], got '" + bootstrap + "'");
      bootstrap = null;
    }
    Map<String, String> properties = properties(node.get("properties"), at + ".properties");
    if (properties.containsKey("bootstrap.servers")) {
      problems.add(at + ".properties.bootstrap.servers: set " + at + ".bootstrap instead");
    }
    Path propertiesFile = path(node.get("propertiesFile"), at + ".propertiesFile");
    if (bootstrap == null || properties.containsKey("bootstrap.servers")) {
      return null;
    }
    KafkaClientConfig kafka = KafkaClientConfig.of(bootstrap.replace(" ", "")).withProperties(properties);
    return propertiesFile == null ? kafka : kafka.withPropertiesFile(propertiesFile);
  }

  private RegistryConfig registry(JsonNode node, String at) {
    if (!mapping(node, at, true)) {
      return null;
    }
    keys(node, at + ".", REGISTRY);
    String url = required(node, "url", at);
    if (url != null && !isHttp(url)) {
      problems.add(at + ".url: must start with http:// or https://, got '" + url + "'");
      url = null;
    }
    Map<String, String> properties = properties(node.get("properties"), at + ".properties");
    Path propertiesFile = path(node.get("propertiesFile"), at + ".propertiesFile");
    if (url == null) {
      return null;
    }
    RegistryConfig registry = RegistryConfig.of(url).withProperties(properties);
    return propertiesFile == null ? registry : registry.withPropertiesFile(propertiesFile);
  }

  private TopicDefaults topics(JsonNode node, String at) {
    if (!mapping(node, at, false)) {
      return node == null ? TopicDefaults.brokerDefaults() : null;
    }
    keys(node, at + ".", TOPICS);
    TopicDefaults.Builder topics = TopicDefaults.builder();
    Integer partitions = positive(node.get("partitions"), at + ".partitions", Integer.MAX_VALUE);
    Integer replication = positive(node.get("replicationFactor"), at + ".replicationFactor", Short.MAX_VALUE);
    if (partitions != null) {
      topics.partitions(partitions);
    }
    if (replication != null) {
      topics.replicationFactor(replication);
    }
    JsonNode configs = node.get("configs");
    if (configs != null && !configs.isObject()) {
      problems.add(at + ".configs: must be a mapping of topic configs, e.g. min.insync.replicas: 2");
    } else if (configs != null) {
      configs.fields().forEachRemaining(e -> {
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          problems.add(at + ".configs." + e.getKey() + ": must be a single value");
        } else {
          topics.config(e.getKey(), e.getValue().asText());
        }
      });
    }
    return topics.build();
  }

  /** Client properties: single values; a secret's value must refer to where the secret is, not hold it. */
  private Map<String, String> properties(JsonNode node, String at) {
    Map<String, String> result = new LinkedHashMap<>();
    if (node == null) {
      return result;
    }
    if (!node.isObject()) {
      problems.add(at + ": must be a mapping of client settings, e.g. security.protocol: SASL_SSL");
      return result;
    }
    node.fields().forEachRemaining(e -> {
      String key = e.getKey();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        problems.add(at + "." + key + ": must be a single value");
      } else if (SecretKeys.isSecret(key) && !SecretKeys.hasReference(e.getValue().asText())) {
        problems.add(at + "." + key + ": a secret in clear text; refer to it (${env:NAME} or ${file:/path})"
            + " or move it to the propertiesFile (owner-only)");
      } else {
        result.put(key, e.getValue().asText());
      }
    });
    return result;
  }

  private Path path(JsonNode node, String at) {
    String text = text(node, at);
    if (text == null) {
      return null;
    }
    Path path = Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
    return path.isAbsolute() || file.getParent() == null ? path : file.getParent().resolve(path);
  }

  private Integer positive(JsonNode node, String at, int max) {
    if (node == null) {
      return null;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > max) {
      problems.add(at + ": must be a whole number from 1 to " + max + ", got '" + node.asText() + "'");
      return null;
    }
    return node.asInt();
  }

  private boolean mapping(JsonNode node, String at, boolean required) {
    if (node == null) {
      if (required) {
        problems.add(at + ": missing");
      }
      return false;
    }
    if (!node.isObject()) {
      problems.add(at + ": must be a mapping");
      return false;
    }
    return true;
  }

  private String required(JsonNode parent, String key, String at) {
    String value = text(parent.get(key), at + "." + key);
    if (value == null || value.isBlank()) {
      problems.add(at + "." + key + ": missing");
      return null;
    }
    return value.trim();
  }

  private String text(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      problems.add(at + ": must be a single value");
      return null;
    }
    return node.asText();
  }

  private void keys(JsonNode node, String prefix, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        problems.add(prefix + key + ": unknown key; the keys here are " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static boolean isHttp(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
