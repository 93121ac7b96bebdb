package io.baton.cli;

import io.baton.api.internal.ResourceNames;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.deploy.Target;
import io.baton.flink.feed.Demo;
import io.baton.flink.feed.DemoRun;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedTopic;
import io.baton.flink.plan.Planner;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Plays a {@link Demo} on a context's servers (the local stack by default) from a clean start: resets its pipeline's topics, consumer
 * groups and jobs, starts one job per stage, waits until they run, lets the demo feed them and tell its
 * story, and says where to watch and how to stop.
 *
 * <pre>{@code
 * new DemoRunner(cluster, jobJar, out).play(Demos.only(DemoRunner.class.getClassLoader()));
 * }</pre>
 */
final class DemoRunner implements DemoRun {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final int DEMO_TRACE_INPUTS = 2;
  private static final int DEMO_TRACE_WIDTH = 96;

  private final Cluster cluster;
  private final JobJar jar;
  private final PrintWriter out;
  private Plan plan;

  DemoRunner(Cluster cluster, JobJar jar, PrintWriter out) {
    this.cluster = cluster;
    this.jar = jar;
    this.out = out;
  }

  void play(Demo demo) throws Exception {
    Instant started = Instant.now();
    plan = Planner.plan(jar.definition(demo.pipeline()));
    say("Resetting the demo's topics and jobs");
    reset();
    say("Starting " + plan.stages().size() + " jobs, one per stage");
    RunCommand.run(cluster, plan, jar.path(), false, line -> say("  " + line));
    awaitRunning();
    demo.play(this);
    out.printf("%nWatch the jobs in the Flink web UI: %s%n", cluster.flinkUrl());
    String contextFlag = cluster.context().isLocal() ? "" : " --context " + cluster.context().name();
    out.printf("They keep running; stop them with: ./baton stop %s%s%s%n", plan.pipeline(), contextFlag,
        cluster.context().isLocal() ? "   (and the stack with: ./baton down)" : "");
    out.printf("Demo took %.1f s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    out.flush();
  }

  @Override
  public Plan plan() {
    return plan;
  }

  @Override
  public Target target() {
    return cluster.target();
  }

  @Override
  public PrintWriter out() {
    return out;
  }

  @Override
  public void say(String line) {
    out.println(line);
    out.flush();
  }

  /** The trace in a few lines: two inputs per hop, values cut to fit a terminal. */
  @Override
  public void trace(String topic, int partition, long offset) {
    Trace trace = TraceCommand.trace(cluster, plan, topic, partition, offset, DEMO_TRACE_INPUTS, 20);
    TraceText.lines(trace, DEMO_TRACE_WIDTH).forEach(l -> out.println("  " + l));
    out.flush();
  }

  @Override
  public void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new CliException("the demo waited " + WAIT.toMinutes() + " min for " + what
            + " and gave up; see the jobs in the Flink web UI and ./baton logs taskmanager");
      }
      Thread.sleep(300);
    }
  }

  /** Stops earlier demo jobs and deletes the pipeline's topics and consumer groups, so counts start at zero. */
  private void reset() throws Exception {
    String pipeline = plan.pipeline();
    FlinkRest flink = new FlinkRest(cluster.flinkUrl());
    for (FlinkRest.Job job : StopCommand.runningJobs(flink, pipeline)) {
      flink.cancel(job.id());
    }
    await("earlier demo jobs to stop", () -> quietly(() -> StopCommand.runningJobs(flink, pipeline).isEmpty()));
    Properties props = cluster.kafka().asProperties();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<String> topics = plan.topics().stream().map(PlannedTopic::name).filter(existing::contains).toList();
      admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
      await("old topics to be deleted", () -> quietly(() -> admin.listTopics().names().get().stream().noneMatch(topics::contains)));
      List<String> groups = plan.stages().stream().map(s -> ResourceNames.consumerGroup(pipeline, s.name())).toList();
      Set<String> known = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
          .map(g -> g.groupId()).collect(Collectors.toSet());
      List<String> stale = groups.stream().filter(known::contains).toList();
      if (!stale.isEmpty()) {
        admin.deleteConsumerGroups(stale).all().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private void awaitRunning() throws Exception {
    FlinkRest flink = new FlinkRest(cluster.flinkUrl());
    await("all jobs RUNNING", () -> quietly(() -> flink.jobs().stream()
        .filter(j -> j.name().startsWith(plan.pipeline() + "/") && j.state().equals("RUNNING")).count() == plan.stages().size()));
    say("All " + plan.stages().size() + " jobs are RUNNING");
  }

  private interface Check {
    boolean get() throws Exception;
  }

  private static boolean quietly(Check check) {
    try {
      return check.get();
    } catch (Exception e) {
      return false;
    }
  }
}
