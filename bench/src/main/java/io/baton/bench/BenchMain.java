package io.baton.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The benchmarks jar's entry point: JMH's own command line, then the Baton/Flink ratios under JMH's table.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar -f 1 -wi 3 -i 5
 * }</pre>
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions options;
    try {
      options = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println("Error parsing command line: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
        || options.shouldListProfilers() || options.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(args); // listing and help: nothing to compare
      return;
    }
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println(RatioReport.of(scores(results)).text());
  }

  /** Primary score per benchmark method name. */
  static Map<String, RatioReport.Score> scores(Collection<RunResult> results) {
    Map<String, RatioReport.Score> scores = new LinkedHashMap<>();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      Result<?> primary = r.getPrimaryResult();
      if (!(primary.getScore() > 0)) {
        continue; // a benchmark that produced no time has nothing to compare
      }
      scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), RatioReport.Score.of(primary.getScore(), primary.getScoreError()));
    }
    return scores;
  }
}
