package io.baton.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code baton} command; each subcommand is its own class. Add new ones to {@code subcommands}.
 *
 * <pre>{@code
 * baton up | down | status [<pipeline>] | list | logs <component> | pipelines | plan <pipeline> | run <pipeline> | deploy <pipeline> | stop <pipeline>
 *   | reset <pipeline> | demo | feed <generator> | context list|use|show | acl <pipeline> | k8s render|session
 *   | tail <topic> | trace <topic> <partition> <offset>
 * }</pre>
 */
@Command(name = "baton",
    mixinStandardHelpOptions = true,
    version = "baton 0.1.0-SNAPSHOT",
    description = "Pipelines of stages on Apache Flink, handing off through Kafka.",
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, ListCommand.class, LogsCommand.class,
        PipelinesCommand.class, PlanCommand.class, RunCommand.class, DeployCommand.class, StopCommand.class, DemoCommand.class, FeedCommand.class,
        DeadLettersCommand.class, ReplayCommand.class, TailCommand.class, TraceCommand.class, ResetCommand.class,
        ContextCommand.class, K8sCommand.class, AclCommand.class})
public final class BatonCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** {@code baton} alone: show what it can do. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
