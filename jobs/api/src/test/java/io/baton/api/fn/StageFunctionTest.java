package io.baton.api.fn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageFunctionTest {

  @Test
  void matchCallsTheCaseOfTheShape() {
    List<StageFunction<?, ?>> shapes = List.of(Fn.map((String s) -> s), Fn.flatMap((String s) -> List.of(s)),
        Fn.filter((String s) -> true), Fn.perBatch((Object k, List<String> b) -> b.size()),
        Fn.perBatchFlat((Object k, List<String> b) -> b), Fn.perWindow((Object k, BatchWindow w, List<String> b) -> 1),
        Fn.aggregate(() -> 0L, (Long n, String s) -> n + 1, Long::sum, (Object k, BatchWindow w, Long n) -> n),
        new StageFunction.CoGroup<>((Object k, List<String> l, List<String> r) -> 1));
    assertThat(shapes).extracting(f -> f.match(new Labels())).containsExactly(
        "map", "flatMap", "filter", "perBatch", "perBatchFlat", "perWindow", "aggregate", "coGroup");
    // The case names agree with the labels plans show.
    assertThat(shapes).allSatisfy(f -> assertThat(f.match(new Labels())).isEqualTo(f.label()));
  }

  private static final class Labels implements StageFunction.Cases<String> {
    @Override public String map(StageFunction.Map<?, ?> fn) { return "map"; }
    @Override public String flatMap(StageFunction.FlatMap<?, ?> fn) { return "flatMap"; }
    @Override public String filter(StageFunction.Filter<?> fn) { return "filter"; }
    @Override public String perBatch(StageFunction.PerBatch<?, ?, ?> fn) { return "perBatch"; }
    @Override public String perBatchFlat(StageFunction.PerBatchFlat<?, ?, ?> fn) { return "perBatchFlat"; }
    @Override public String perWindow(StageFunction.PerWindow<?, ?, ?> fn) { return "perWindow"; }
    @Override public String aggregate(StageFunction.Aggregate<?, ?, ?, ?> fn) { return "aggregate"; }
    @Override public String coGroup(StageFunction.CoGroup<?, ?, ?, ?> fn) { return "coGroup"; }
  }
}
