package io.baton.flink.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {
  @TempDir
  Path dir;

  private void checkpoint(String job, String name, boolean complete) throws Exception {
    Path chk = Files.createDirectories(dir.resolve(job).resolve(name));
    if (complete) {
      Files.writeString(chk.resolve("_metadata"), "m");
    }
  }

  @Test
  void theLatestIsTheHighestNumberedCheckpointWithItsMetadata() throws Exception {
    checkpoint("job1", "chk-9", true);
    checkpoint("job1", "chk-12", true);
    checkpoint("job1", "chk-13", false);   // still being written when the JobManager died
    checkpoint("job1", "shared", false);
    checkpoint("job1", "taskowned", false);
    checkpoint("job2", "chk-40", true);

    assertThat(RetainedCheckpoints.in(dir).latest("job1")).contains(dir.resolve("job1/chk-12").toUri().toString()
        .replaceFirst("/$", ""));
  }

  @Test
  void aJobWithoutCompleteCheckpointsOrUnknownHasNone() throws Exception {
    checkpoint("job1", "chk-1", false);
    assertThat(RetainedCheckpoints.in(dir).latest("job1")).isEmpty();
    assertThat(RetainedCheckpoints.in(dir).latest("other")).isEmpty();
    assertThat(RetainedCheckpoints.in(dir.resolve("missing")).latest("job1")).isEmpty();
  }

  @Test
  void noFolderFindsNothing() throws Exception {
    checkpoint("job1", "chk-1", true);
    assertThat(RetainedCheckpoints.none().latest("job1")).isEmpty();
  }
}
