package io.baton.api.internal;

import io.baton.api.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/** Rules on what stages read: known stages, no cycle, Avro projections, unions of one class. */
final class InputRules {
  private InputRules() {}

  static List<Problem> validateHasStages(Resolution r) {
    return r.pipeline().stages().isEmpty()
        ? List.of(Problem.ofPipeline("has no stages", "declare at least p.source(..) and p.stage(..)"))
        : List.of();
  }

  /** Every input is a stage of this pipeline; a stage reads at least one. */
  static List<Problem> validateInputs(Resolution r) {
    List<Problem> problems = new ArrayList<>();
    for (StageDeclaration d : r.unique()) {
      for (StageRef in : d.inputs()) {
        if (in == null) {
          problems.add(new Problem(d.name(), "reads a null stage", "pass the Stage returned by p.source(..) or p.stage(..)"));
        } else if (!r.knows(in)) {
          problems.add(new Problem(d.name(), "reads unknown stage '" + in.name() + "'",
              "read a stage declared in pipeline '" + r.name() + "' (known: " + String.join(", ", r.slots().keySet()) + ")"));
        }
      }
      if (d.kind() == StageDeclaration.Kind.STAGE && d.inputs().isEmpty()) {
        problems.add(new Problem(d.name(), "reads no input", "p.stage(\"" + d.name() + "\", <input stage>, ..)"));
      }
    }
    return problems;
  }

  static List<Problem> validateNoCycle(Resolution r) {
    if (r.cyclic().isEmpty()) {
      return List.of();
    }
    return List.of(new Problem(r.cyclic().get(0), "stages " + String.join(", ", r.cyclic()) + " read each other in a cycle",
        "a stage may not read its own output, directly or through other stages; remove one p.ref(..)"));
  }

  /** A class read through readAs(..) needs a schema, a projection of what its input writes. */
  static List<Problem> validateReaderClasses(ResolvedStage s, Resolution r) {
    List<Problem> problems = new ArrayList<>();
    s.readers().forEach((i, reader) -> {
      String input = s.inputs().get(i);
      if (!SpecificRecord.class.isAssignableFrom(reader)) {
        problems.add(new Problem(s.name(), "reads '" + input + "' as " + reader.getName()
            + ", which is not an Avro SpecificRecord (no schema)",
            "generate " + reader.getSimpleName() + " from an .avsc schema (a projection of what '" + input
                + "' writes) with avro-maven-plugin"));
      }
    });
    return problems;
  }

  static List<Problem> validateUnion(ResolvedStage s, Resolution r) {
    if (s.declaration().kind() != StageDeclaration.Kind.STAGE || s.inputClasses().stream().distinct().count() <= 1) {
      return List.of();
    }
    return List.of(new Problem(s.name(), "reads a union of inputs of different record classes ("
        + s.inputClasses().stream().map(c -> c == null ? "?" : c.getSimpleName()).collect(Collectors.joining(", ")) + ")",
        "union only stages that write the same Avro class, or use p.coGroup(..) for two kinds"));
  }
}
