package io.baton.stack;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that may hold secrets: written readable and writable by their owner only (rw------- on POSIX file systems),
 * in folders only their owner may enter (rwx------), and replaced atomically, so a reader sees the old or the new
 * content, never half of it.
 *
 * <pre>{@code
 * OwnerOnlyFile.write(layout.adminPassword(), password + "\n");
 * }</pre>
 */
final class OwnerOnlyFile {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnlyFile() {}

  /** Creates {@code dir} (and its parents) if missing and makes it owner-only. */
  static void folder(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** Writes {@code text} to {@code file}, owner-only; its folder must exist. */
  static void write(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    // A temp file starts owner-only, so the secret is never readable by others, not even for a moment.
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temp, text);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    if (POSIX) {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
