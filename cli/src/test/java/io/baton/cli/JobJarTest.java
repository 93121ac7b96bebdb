package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.PipelineDefinition;
import io.baton.cli.jar.BadArgumentPipeline;
import io.baton.cli.jar.BrokenPipeline;
import io.baton.cli.jar.GoodPipeline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} and {@code run} with a user's own job jar, assembled here; none of them needs a running stack. */
class JobJarTest {
  private static final String[] RUNTIME = {"io/baton/flink/job/StageJob.class",
      "org/apache/flink/connector/kafka/source/KafkaSource.class", "org/apache/avro/Schema.class"};

  @TempDir
  Path dir;

  private Path mine(List<Class<?>> classes, List<String> services, String... extra) throws Exception {
    return TestJars.jar(dir.resolve("mine.jar"), classes, services, extra);
  }

  @Test
  void aBrokenDefinitionIsListedAsBrokenAndTheOtherPipelinesOfTheJarStillPlan() throws Exception {
    Path jar = mine(List.of(BrokenPipeline.class, GoodPipeline.class),
        List.of(BrokenPipeline.class.getName(), GoodPipeline.class.getName()), RUNTIME);

    CliRun good = CliRun.of("plan", "good", "--jar", jar.toString());
    assertThat(good.exitCode()).as(good.err()).isZero();
    assertThat(good.out()).contains("good.in → [readings] → good.readings");

    CliRun other = CliRun.of("plan", "orders", "--jar", jar.toString());
    assertThat(other.exitCode()).isEqualTo(1);
    assertThat(other.err().trim()).isEqualTo("baton: no pipeline 'orders' in mine.jar; it has: good; broken (fix and "
        + "rebuild the jar): io.baton.cli.jar.BrokenPipeline: define() threw java.lang.IllegalStateException: "
        + "orders table not configured");
  }

  @Test
  void aPolicyFactoryRefusingItsArgumentIsReportedWithTheDefinitionTheCallAndTheFix() throws Exception {
    Path jar = mine(List.of(BadArgumentPipeline.class, GoodPipeline.class),
        List.of(BadArgumentPipeline.class.getName(), GoodPipeline.class.getName()), RUNTIME);

    CliRun plan = CliRun.of("plan", "bad-count", "--jar", jar.toString());

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err()).doesNotContain("unexpected error")
        .contains("io.baton.cli.jar.BadArgumentPipeline")
        .contains("Batch.count(..) in BadArgumentPipeline.define (BadArgumentPipeline.java:")
        .contains("n must be positive, got 0")
        .contains("Fix: pass a valid argument to Batch.count(..) in io.baton.cli.jar.BadArgumentPipeline.define()");
  }

  @Test
  void pipelinesListsEveryRegisteredDefinitionTheBrokenOnesWithTheirError() throws Exception {
    Path jar = mine(List.of(BrokenPipeline.class, GoodPipeline.class),
        List.of(BrokenPipeline.class.getName(), GoodPipeline.class.getName()), RUNTIME);

    CliRun list = CliRun.of("pipelines", "--jar", jar.toString());

    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).isEqualTo("Pipelines in mine.jar\n"
        + "  broken  io.baton.cli.jar.BrokenPipeline: define() threw java.lang.IllegalStateException: orders table "
        + "not configured\n"
        + "  good    io.baton.cli.jar.GoodPipeline\n");
  }

  @Test
  void aJarOffersExactlyWhatItsServicesFileListsNotTheCliClassPath() throws Exception {
    Path jar = mine(List.of(GoodPipeline.class), List.of(GoodPipeline.class.getName()), RUNTIME);

    CliRun plan = CliRun.of("plan", "sensor-story", "--jar", jar.toString());

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err().trim()).isEqualTo("baton: no pipeline 'sensor-story' in mine.jar; it has: good");
  }

  @Test
  void aListedClassTheJarDoesNotHoldIsBrokenEvenWhenTheCliHasIt() throws Exception {
    String story = "io.baton.examples.sensor.SensorStory";
    Class.forName(story); // on the CLI's class path, so only the jar-first loader keeps it out
    Path jar = mine(List.of(GoodPipeline.class), List.of(GoodPipeline.class.getName(), story), RUNTIME);

    try (JobJar jobJar = JobJar.open(jar)) {
      assertThat(jobJar.offered()).extracting(OfferedPipeline::describe).containsExactly(
          "good (io.baton.cli.jar.GoodPipeline)",
          story + ": the class is not in the jar (java.lang.ClassNotFoundException: " + story + "); build the jar "
              + "with it or remove it from META-INF/services/io.baton.api.PipelineDefinition");
    }
  }

  @Test
  void theJarsOwnClassesComeFromTheJarAndTheSharedApiFromTheCli() throws Exception {
    Path jar = mine(List.of(GoodPipeline.class), List.of(GoodPipeline.class.getName()), RUNTIME);
    try (JobJar jobJar = JobJar.open(jar)) {
      PipelineDefinition good = jobJar.definition("good");
      assertThat(good.getClass()).isNotSameAs(GoodPipeline.class);
      assertThat(good.getClass().getClassLoader()).isInstanceOf(JarFirstClassLoader.class);
      assertThat(good).isInstanceOf(PipelineDefinition.class);
    }
  }

  @Test
  void aJarWithoutServicesFileSaysHowToRegisterPipelines() throws Exception {
    Path jar = mine(List.of(GoodPipeline.class), null, RUNTIME);

    CliRun plan = CliRun.of("plan", "good", "--jar", jar.toString());

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err().trim()).isEqualTo("baton: mine.jar registers no pipeline: it has no "
        + "META-INF/services/io.baton.api.PipelineDefinition; add that file to the jar (src/main/resources/"
        + "META-INF/services/io.baton.api.PipelineDefinition) with one line per class that implements "
        + "io.baton.api.PipelineDefinition, e.g. com.acme.OrdersPipeline");
  }

  @Test
  void runOfAJarBuiltOnTheApiAloneSaysWhatToAddBeforeLookingForTheStack() throws Exception {
    Path jar = mine(List.of(GoodPipeline.class), List.of(GoodPipeline.class.getName()));

    CliRun run = CliRun.of("run", "good", "--jar", jar.toString(), "--home", dir.resolve("home").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().trim()).isEqualTo("baton: mine.jar cannot run on the cluster: "
        + "no io.baton.flink.job.StageJob: add the dependency io.baton:baton-flink (the same version as this baton); "
        + "no org.apache.flink.connector.kafka.source.KafkaSource: add the dependency "
        + "org.apache.flink:flink-connector-kafka:5.0.0-2.2; "
        + "no org.apache.avro.Schema: add the dependency org.apache.avro:avro (unrelocated); "
        + "the cluster provides only Flink itself, so shade these into the job jar (maven-shade-plugin, "
        + "not scope provided) and rebuild it");
  }

  @Test
  void planOfAJarThatCannotRunWarnsWhatIsMissing() throws Exception {
    Path jar = mine(List.of(GoodPipeline.class), List.of(GoodPipeline.class.getName()), RUNTIME[0], RUNTIME[2]);

    CliRun plan = CliRun.of("plan", "good", "--jar", jar.toString());

    assertThat(plan.exitCode()).isZero();
    assertThat(plan.err().trim()).isEqualTo("baton: warning: mine.jar cannot run this plan: no "
        + "org.apache.flink.connector.kafka.source.KafkaSource: add the dependency "
        + "org.apache.flink:flink-connector-kafka:5.0.0-2.2, shaded into the job jar");
  }

  @Test
  void theExamplesJobJarHoldsEverythingARunNeeds() throws Exception {
    try (JobJar examples = JobJar.open(null)) {
      assertThat(examples.missingForRun()).isEmpty();
      assertThat(examples.offered()).noneMatch(OfferedPipeline::broken).hasSize(3);
    }
  }
}
