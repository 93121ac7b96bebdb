package io.baton.cli.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * One fault test's outcome as one line, {@code fault | in | out | dead | dup | missing | recovery s}, printed and
 * appended to {@code target/fault-reports.txt} (the table the fault tests leave behind).
 *
 * <pre>{@code
 * FaultReport.of("taskmanager kill -9", counts, recovery).print();
 * // taskmanager kill -9 | 200000 | 199000 | 1000 | 0 | 0 | 14.2
 * }</pre>
 */
public record FaultReport(String fault, Counts counts, Duration recovery, double ratePerSecond) {
  public static final String HEADER = "fault | in | out | dead | dup | missing | recovery s";
  static final Path FILE = Path.of("target", "fault-reports.txt");

  public static FaultReport of(String fault, Counts counts, Duration recovery, double ratePerSecond) {
    return new FaultReport(fault, counts, recovery, ratePerSecond);
  }

  public String line() {
    return String.format(Locale.ROOT, "%s | %d | %d | %d | %d | %d | %.1f", fault, counts.in(), counts.out(),
        counts.dead(), counts.dup(), counts.missing(), recovery.toMillis() / 1000.0);
  }

  /** Prints the header and the line, and appends the line (with the feed rate) to the report file. */
  public FaultReport print() {
    System.out.println(HEADER);
    System.out.println(line());
    System.out.printf(Locale.ROOT, "(fed at %.0f readings/s; misplaced %d)%n", ratePerSecond, counts.misplaced());
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, line() + String.format(Locale.ROOT, " | fed at %.0f/s%n", ratePerSecond),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.out.println("could not append to " + FILE + ": " + e);
    }
    return this;
  }
}
