package io.baton.flink.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.fn.Fn;
import io.baton.api.fn.StageFunction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserFunctionTest {
  private final List<Object> out = new ArrayList<>();

  @Test
  void perRecordShapesEmitWhatTheFunctionReturns() throws Exception {
    new UserFunction(Fn.map((String s) -> s + "!")).onRecord("a", out::add);
    new UserFunction(Fn.flatMap((String s) -> List.of(s, s))).onRecord("b", out::add);
    new UserFunction(Fn.filter((String s) -> s.startsWith("c"))).onRecord("c", out::add);
    new UserFunction(Fn.filter((String s) -> s.startsWith("c"))).onRecord("d", out::add);
    new UserFunction(Fn.map((String s) -> null)).onRecord("e", out::add);
    assertThat(out).containsExactly("a!", "b", "b", "c");
  }

  @Test
  void perBatchShapesGetKeyAndBatch() throws Exception {
    new UserFunction(Fn.perBatch((String k, List<String> b) -> k + b.size())).onBatch("k", null, List.of("x", "y"), out::add);
    new UserFunction(Fn.perBatchFlat((String k, List<String> b) -> b)).onBatch("k", null, List.of("x"), out::add);
    new UserFunction(new StageFunction.CoGroup<>((String k, List<String> l, List<String> r) -> l.size() + r.size()))
        .onCoGroup("k", List.of("l"), List.of("r1", "r2"), out::add);
    assertThat(out).containsExactly("k2", "x", 3);
  }

  @Test
  void aShapeRefusesTheCallsItDoesNotTake() {
    UserFunction map = new UserFunction(Fn.map((String s) -> s));
    assertThatThrownBy(() -> map.onBatch("k", null, List.of(), out::add)).hasMessage("map does not take one batch");
    assertThatThrownBy(() -> map.onCoGroup("k", List.of(), List.of(), out::add)).hasMessage("map is not a co-group");
    UserFunction perBatch = new UserFunction(Fn.perBatch((String k, List<String> b) -> k));
    assertThatThrownBy(() -> perBatch.onRecord("a", out::add)).hasMessage("perBatch works per batch, not per record");
  }
}
