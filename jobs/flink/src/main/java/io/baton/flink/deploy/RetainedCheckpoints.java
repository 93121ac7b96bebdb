package io.baton.flink.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints a cluster retained (externalized, {@code execution.checkpointing.externalized-checkpoint-retention})
 * in its checkpoint folder, {@code <dir>/<job id>/chk-<n>/_metadata}: a stage whose job vanished with its JobManager
 * (the local stack went down, or the JobManager crashed) resumes from its job's latest one.
 *
 * <pre>{@code
 * RetainedCheckpoints.in(Path.of(".baton/flink/checkpoints")).latest(jobId);  // Optional[file:/…/chk-42]
 * }</pre>
 */
public final class RetainedCheckpoints {
  private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");
  private static final RetainedCheckpoints NONE = new RetainedCheckpoints(null);

  private final Path dir;

  private RetainedCheckpoints(Path dir) {
    this.dir = dir;
  }

  /** The checkpoints under {@code dir} (the cluster's {@code execution.checkpointing.dir}, as a local path). */
  public static RetainedCheckpoints in(Path dir) {
    return new RetainedCheckpoints(dir);
  }

  /** No checkpoint folder known (a cluster whose files Baton cannot read): nothing is ever found. */
  public static RetainedCheckpoints none() {
    return NONE;
  }

  /** The latest complete checkpoint of {@code jobId} (one with its {@code _metadata}) as a {@code file:} URI. */
  public Optional<String> latest(String jobId) {
    if (dir == null || jobId == null || jobId.isBlank()) {
      return Optional.empty();
    }
    Path job = dir.resolve(jobId);
    if (!Files.isDirectory(job)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(job)) {
      return children.filter(c -> number(c) >= 0 && Files.isRegularFile(c.resolve("_metadata")))
          .max(Comparator.comparingLong(RetainedCheckpoints::number))
          .map(c -> c.toAbsolutePath().normalize().toUri().toString().replaceFirst("/$", ""));
    } catch (IOException e) {
      return Optional.empty(); // an unreadable folder holds nothing we could restore from
    }
  }

  private static long number(Path p) {
    Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  @Override
  public String toString() {
    return dir == null ? "RetainedCheckpoints[none]" : "RetainedCheckpoints[" + dir + "]";
  }
}
