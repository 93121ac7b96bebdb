package io.baton.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user does with the archetype, end to end and offline: generate a project into a temporary folder (outside
 * this checkout, so its test finds its servers through Maven artifacts), build and test it against the artifacts this
 * build just made (in a private local repository under target/), then run its pipeline with the CLI distribution on a
 * local stack of its own (free ports): twice bounded, then streaming.
 */
class QuickstartIT {
  private static final String VERSION = System.getProperty("baton.quickstart.version");
  private static final Path CHECKOUT = Path.of(System.getProperty("baton.quickstart.repo")).toAbsolutePath().normalize();
  private static final Path WORK = Path.of(System.getProperty("baton.quickstart.work"));
  private static final String PIPELINE = "order-counts";
  private static final long MINUTE = 60_000L;

  private static Path project;
  private static Path mavenLog;
  private static Path cliLog;
  private static Path stackHome;
  private static Path baton;
  private static boolean stackUp;

  @BeforeAll
  static void generateAndBuild() throws Exception {
    Files.createDirectories(WORK);
    mavenLog = WORK.resolve("maven.log");
    cliLog = WORK.resolve("baton.log");
    Files.deleteIfExists(mavenLog);
    Files.deleteIfExists(cliLog);
    PrivateRepository repo = PrivateRepository.seed(CHECKOUT, VERSION,
        Path.of(System.getProperty("baton.quickstart.archetype")), WORK.resolve("m2"));
    Path settings = repo.settings(userRepository(), WORK.resolve("settings.xml"));
    Path parent = Files.createTempDirectory("baton-quickstart-it-");
    String mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
    List<String> offline = List.of(mvn, "-B", "-o", "-ntp", "-Daether.offline.protocols=file", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repo.root(), "-Dstyle.color=never");

    Command.in(parent, mavenLog).env("BATON_REPO", null).run(Duration.ofMinutes(3), concat(offline,
        "org.apache.maven.plugins:maven-archetype-plugin:3.4.0:generate", "-DinteractiveMode=false",
        "-DarchetypeGroupId=io.baton", "-DarchetypeArtifactId=baton-quickstart", "-DarchetypeVersion=" + VERSION,
        "-DgroupId=com.example.shop", "-DartifactId=my-pipeline", "-Dversion=1.0.0", "-Dpackage=com.example.shop"));
    project = parent.resolve("my-pipeline");
    // The generated test runs on servers from Maven artifacts: outside any checkout, no BATON_REPO.
    String build = Command.in(project, mavenLog).env("BATON_REPO", null)
        .run(Duration.ofMinutes(8), concat(offline, "verify"));
    assertThat(build).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");

    baton = CHECKOUT.resolve("cli/target/baton-" + VERSION + "/bin/baton");
    stackHome = WORK.resolve("stack-home");
    deleteTree(stackHome);
  }

  @Test
  void generatedProjectTestsItsPipelineAndRunsItBoundedTwiceAndStreaming() throws Exception {
    // As a user types it, in the project's folder.
    String jar = "target/my-pipeline.jar";
    assertThat(project.resolve(jar)).isRegularFile();
    int[] ports = freePorts(5);
    baton("up", "--kafka-port", "" + ports[0], "--kafka-controller-port", "" + ports[1], "--registry-port", "" + ports[2],
        "--flink-port", "" + ports[3], "--flink-rpc-port", "" + ports[4]);
    stackUp = true;
    ConfluentAvro kafka = new ConfluentAvro("127.0.0.1:" + ports[0], "http://127.0.0.1:" + ports[2] + "/apis/ccompat/v7");
    Schema order = schema("Order.avsc");
    Schema count = schema("CustomerCount.avsc");

    List<GenericRecord> orders = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      long amount = i % 9 == 4 ? 0 : 100 + i;   // not positive: a dead letter
      orders.add(order(order, "o" + i, "c" + (i % 4), amount, 20 * MINUTE + i * 6_133L));
    }
    kafka.send("orders", order, orders);
    Map<String, Long> expected = expectedCounts(orders);

    baton("run", PIPELINE, "--jar", jar, "--bounded");
    List<GenericRecord> first = kafka.readCommitted("customer-counts", count);
    assertThat(counts(first)).isEqualTo(expected);
    // Dead letters keep the original record: the orders whose amount is not positive, each once.
    assertThat(kafka.readCommitted(PIPELINE + ".orders.dead-letter", order)).extracting(o -> o.get("orderId").toString())
        .containsExactlyInAnyOrderElementsOf(orders.stream().filter(o -> (Long) o.get("amountCents") <= 0)
            .map(o -> o.get("orderId").toString()).toList());

    baton("run", PIPELINE, "--jar", jar, "--bounded");
    List<GenericRecord> all = kafka.readCommitted("customer-counts", count);
    List<GenericRecord> second = all.subList(first.size(), all.size());
    // The same input gives the same output again: the second run reads only what its upstream wrote in that run.
    assertThat(counts(second)).isEqualTo(expected);

    baton("run", PIPELINE, "--jar", jar);
    // New orders of a later minute; a streaming event-time window closes only when later data moves the watermark.
    List<GenericRecord> later = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      later.add(order(order, "s" + i, "streamer", 10 + i, 200 * MINUTE + i * 1_000L));
    }
    later.add(order(order, "closer", "closer", 10, 205 * MINUTE));
    kafka.send("orders", order, later);
    String window = "streamer@" + 200 * MINUTE;
    await("streaming count of " + window).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> counts(kafka.readCommitted("customer-counts", count)).containsKey(window));
    assertThat(counts(kafka.readCommitted("customer-counts", count))).containsEntry(window, 7L);
    baton("stop", PIPELINE);
  }

  @AfterAll
  static void stackDownAndCleanUp() throws Exception {
    try {
      if (stackUp) {
        baton("down");
      }
    } finally {
      if (project != null) {
        deleteTree(project.getParent());
      }
    }
  }

  private static String baton(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(baton.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--home", stackHome.toString()));
    return Command.in(project, cliLog).env("BATON_REPO", null).run(Duration.ofMinutes(5), command.toArray(String[]::new));
  }

  /** The oracle: valid orders counted per customer and minute in plain Java. */
  private static Map<String, Long> expectedCounts(List<GenericRecord> orders) {
    Map<String, Long> expected = new TreeMap<>();
    for (GenericRecord o : orders) {
      if ((Long) o.get("amountCents") > 0) {
        long minute = Math.floorDiv((Long) o.get("timestamp"), MINUTE) * MINUTE;
        expected.merge(o.get("customerId") + "@" + minute, 1L, Long::sum);
      }
    }
    return expected;
  }

  private static Map<String, Long> counts(List<GenericRecord> out) {
    Map<String, Long> actual = new TreeMap<>();
    for (GenericRecord c : out) {
      actual.merge(c.get("customerId") + "@" + c.get("windowStart"), (Long) c.get("orders"), Long::sum);
    }
    return actual;
  }

  private static GenericRecord order(Schema schema, String id, String customer, long amount, long timestamp) {
    return ConfluentAvro.record(schema, Map.of("orderId", id, "customerId", customer, "amountCents", amount,
        "timestamp", timestamp));
  }

  private static Schema schema(String file) throws IOException {
    return new Schema.Parser().parse(project.resolve("src/main/avro/" + file).toFile());
  }

  private static Path userRepository() {
    String local = System.getProperty("baton.quickstart.userRepository");
    return local != null && !local.isBlank() ? Path.of(local)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static int[] freePorts(int n) throws IOException {
    int[] ports = new int[n];
    List<ServerSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        open.add(s);
        ports[i] = s.getLocalPort();
      }
    } finally {
      for (ServerSocket s : open) {
        s.close();
      }
    }
    return ports;
  }

  private static String[] concat(List<String> head, String... tail) {
    return Stream.concat(head.stream(), Stream.of(tail)).toArray(String[]::new);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
