package io.baton.flink.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Uploads a job jar once per content: the upload is named {@code <jar>-<sha256 prefix>.jar}, a
 * jar the cluster already holds with the same content is reused, and uploads of older contents of
 * the same jar are deleted (a started job runs from the cluster's own copy, not from the upload).
 *
 * <pre>{@code
 * String jarId = JarUploads.ensure(new FlinkRest("http://127.0.0.1:8081"), Path.of("target/my-pipelines.jar"));
 * }</pre>
 */
public final class JarUploads {
  private static final int HASH_CHARS = 16;

  private JarUploads() {}

  /** The id of an upload of {@code jar}'s current content, uploading it only when the cluster has none. */
  public static String ensure(FlinkRest flink, Path jar) throws IOException {
    return ensure(flink, jar, java.util.Set.of());
  }

  /** As {@link #ensure(FlinkRest, Path)}, but older uploads in {@code keep} stay (a deployed version may start again from them). */
  public static String ensure(FlinkRest flink, Path jar, java.util.Set<String> keep) throws IOException {
    String stem = stem(jar);
    String name = stem + "-" + contentHash(jar) + ".jar";
    List<FlinkRest.UploadedJar> uploaded = flink.jars();
    String id = uploaded.stream().filter(j -> j.name().equals(name)).map(FlinkRest.UploadedJar::id).findFirst()
        .orElse(null);
    if (id == null) {
      id = flink.uploadJar(jar, name);
    }
    Pattern sameJar = Pattern.compile(Pattern.quote(stem) + "-[0-9a-f]{" + HASH_CHARS + "}\\.jar");
    for (FlinkRest.UploadedJar old : uploaded) {
      if (!old.name().equals(name) && !keep.contains(old.id()) && sameJar.matcher(old.name()).matches()) {
        flink.deleteJar(old.id());
      }
    }
    return id;
  }

  /** The upload name's content part: the first {@value #HASH_CHARS} hex digits of the jar's SHA-256. */
  static String contentHash(Path jar) throws IOException {
    try (InputStream in = Files.newInputStream(jar)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static String stem(Path jar) {
    String file = jar.getFileName().toString();
    return file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
  }
}
