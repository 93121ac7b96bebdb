package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FlinkJvmOptionsTest {
  @Test
  void opensEqualTheParentPomProperty() throws Exception {
    Path repo = RepoRoot.walkUp(Path.of(System.getProperty("user.dir"))).orElseThrow();
    Matcher m = Pattern.compile("<flink.jvm.opens>(.*?)</flink.jvm.opens>").matcher(Files.readString(repo.resolve("pom.xml")));
    assertThat(m.find()).isTrue();
    assertThat(FlinkJvmOptions.OPENS).containsExactlyElementsOf(Arrays.asList(m.group(1).trim().split("\\s+")));
  }
}
