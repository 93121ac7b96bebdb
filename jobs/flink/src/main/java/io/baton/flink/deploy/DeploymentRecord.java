package io.baton.flink.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.baton.flink.plan.StateShape;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Baton deployed of one pipeline on one context, stage by stage: the version and state shape that run (or ran),
 * the Flink job, the uploaded jar and arguments it was started with (to start that version again), the last savepoint,
 * and whether it runs or was stopped. Kept as JSON in one file per context and pipeline, replaced atomically.
 *
 * <pre>{@code
 * DeploymentRecord record = DeploymentRecord.load(file, "sensor-story", "local");
 * record.with("per-minute", stage).save(file);
 * }</pre>
 *
 * @param pipeline the pipeline's name
 * @param context the context it runs on
 * @param stages by stage name, in the order they were deployed
 */
public record DeploymentRecord(String pipeline, String context, Map<String, Stage> stages) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A stage's status in the record. */
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";

  public DeploymentRecord {
    stages = new LinkedHashMap<>(stages == null ? Map.of() : stages);
  }

  /**
   * One stage as deployed.
   *
   * @param version its {@code StageVersion}
   * @param shape what its savepoints hold
   * @param parallelism task slots it holds
   * @param jobId its Flink job (the last one started)
   * @param jarId the upload it was started from
   * @param entryClass the job's entry class
   * @param args every program argument it was started with
   * @param savepoint the last savepoint taken of it (its path), or null
   * @param status {@code running} or {@code stopped}
   * @param stateGeneration how many times its state was dropped (drain, state loss): its stateful operators' uids end
   *     in {@code -g<n>} from the first time on, so a savepoint's source offsets and sink transactions restore and
   *     its old window state does not
   */
  public record Stage(String version, StateShape shape, int parallelism, String jobId, String jarId, String entryClass,
      List<String> args, String savepoint, String status, int stateGeneration) {
    public Stage {
      args = args == null ? List.of() : List.copyOf(args);
    }

    /** The same stage, stopped with {@code savepointPath}. */
    public Stage stopped(String savepointPath) {
      return new Stage(version, shape, parallelism, jobId, jarId, entryClass, args, savepointPath, STOPPED, stateGeneration);
    }

    @JsonIgnore
    public boolean isStopped() {
      return STOPPED.equals(status);
    }
  }

  /** The record in {@code file}, or an empty one when there is none. */
  public static DeploymentRecord load(Path file, String pipeline, String context) throws IOException {
    if (!Files.exists(file)) {
      return new DeploymentRecord(pipeline, context, Map.of());
    }
    try {
      return JSON.readValue(file.toFile(), DeploymentRecord.class);
    } catch (IOException e) {
      throw new IOException("cannot read the deployment record of pipeline " + pipeline + " at " + file + ": "
          + e.getMessage() + "; move it away to start over (running jobs are then compared by version only)", e);
    }
  }

  public Optional<Stage> stage(String name) {
    return Optional.ofNullable(stages.get(name));
  }

  /** This record with {@code stage} set. */
  public DeploymentRecord with(String name, Stage stage) {
    Map<String, Stage> all = new LinkedHashMap<>(stages);
    all.put(name, stage);
    return new DeploymentRecord(pipeline, context, all);
  }

  /** This record without {@code name}. */
  public DeploymentRecord without(String name) {
    Map<String, Stage> all = new LinkedHashMap<>(stages);
    all.remove(name);
    return new DeploymentRecord(pipeline, context, all);
  }

  /** Writes the record to a temporary file beside {@code file}, then moves it in place in one step. */
  public void save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    try {
      JSON.writeValue(temp.toFile(), this);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
