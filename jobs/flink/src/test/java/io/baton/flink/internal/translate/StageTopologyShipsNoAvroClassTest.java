package io.baton.flink.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;
import io.baton.flink.job.StageSettings;
import io.baton.flink.plan.PlannerTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/**
 * What a stage job ships to the cluster names its Avro classes but holds no {@code Class} object of
 * one: deserializing a {@code Class} initializes it (Java reads its serialVersionUID), and an Avro
 * class's static init leaves an Avro thread-local on the deserializing JobManager thread, which
 * kept every job's class loader alive on a session cluster.
 */
class StageTopologyShipsNoAvroClassTest {

  /** Reads objects back and notes every class it resolves. */
  private static final class RecordingInput extends ObjectInputStream {
    final List<String> resolved = new ArrayList<>();

    RecordingInput(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      resolved.add(desc.getName());
      return super.resolveClass(desc);
    }
  }

  @Test
  void noOperatorOfAnyStageCarriesAnAvroClassObject() throws Exception {
    PipelineGraph graph = new PlannerTest.Sensors().define().build();
    List<String> avroClassesShipped = new ArrayList<>();
    int operators = 0;
    for (StageSpec spec : graph.stages()) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      StageTopology.build(env, graph.name(), spec, StageSettings.of("127.0.0.1:9", "http://127.0.0.1:9"));
      for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
        byte[] bytes = InstantiationUtil.serializeObject(node.getOperatorFactory());
        try (RecordingInput in = new RecordingInput(new ByteArrayInputStream(bytes))) {
          in.readObject();
          operators++;
          for (String name : in.resolved) {
            if (isAvroRecord(name)) {
              avroClassesShipped.add(spec.name() + ": " + node.getOperatorName() + " → " + name);
            }
          }
        }
      }
    }
    assertThat(operators).as("operators serialized").isGreaterThan(graph.stages().size() * 3);
    assertThat(avroClassesShipped).isEmpty();
  }

  private static boolean isAvroRecord(String className) {
    try {
      return SpecificRecord.class.isAssignableFrom(Class.forName(className, false, SpecificRecord.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
