package io.baton.stack.lineage;

import java.nio.file.Path;
import java.time.Clock;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobStatusChangedListener;
import org.apache.flink.core.execution.JobStatusChangedListenerFactory;

/**
 * Makes the {@link StageEndEvents} listener from the cluster's configuration: {@code baton.lineage.file}, the JSON-lines
 * file the CLI appends its OpenLineage events to, and {@code baton.lineage.namespace} (default {@code baton}). Without
 * a file, a listener that writes nothing.
 *
 * <pre>{@code
 * execution.job-status-changed-listeners: io.baton.stack.lineage.StageEndEventsFactory
 * baton.lineage.file: /home/me/baton/.baton/lineage/openlineage.jsonl
 * baton.lineage.namespace: baton
 * }</pre>
 */
public final class StageEndEventsFactory implements JobStatusChangedListenerFactory {
  public static final ConfigOption<String> FILE = ConfigOptions.key("baton.lineage.file").stringType().noDefaultValue()
      .withDescription("JSON-lines file the OpenLineage end events of streaming Baton stage jobs are appended to.");
  public static final ConfigOption<String> NAMESPACE = ConfigOptions.key("baton.lineage.namespace").stringType()
      .defaultValue("baton").withDescription("OpenLineage job namespace of Baton's stage jobs.");

  @Override
  public JobStatusChangedListener createListener(Context context) {
    Configuration config = context.getConfiguration();
    String file = config.get(FILE);
    if (file == null || file.isBlank()) {
      return event -> { };
    }
    return new StageEndEvents(new JsonLinesFile(Path.of(file.trim())), config.get(NAMESPACE), context.getIOExecutor(),
        Clock.systemUTC());
  }
}
