package io.baton.schemas.compat;

import io.baton.schemas.TestSchemas;

import static io.baton.schemas.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

  @Test
  void identicalSchemasAreCompatible() {
    ResolutionReport report = CompatibilityChecker.check(Reading.getClassSchema(), Reading.getClassSchema());

    assertThat(report.compatible()).isTrue();
    assertThat(report).hasToString(
        "writer io.baton.schemas.sensor.Reading read as io.baton.schemas.sensor.Reading: compatible");
  }

  @Test
  void projectionOfWriterPasses() {
    assertThat(CompatibilityChecker.check(Reading.getClassSchema(), TestSchemas.READING_PROJECTION).problems()).isEmpty();
  }

  @Test
  void readerFieldWithoutDefaultThatWriterLacksNeedsADefault() {
    ResolutionReport report = CompatibilityChecker.check(Reading.getClassSchema(), parse("""
        {"type":"record","name":"Reading","namespace":"io.baton.schemas.sensor","fields":[
          {"name":"sensorId","type":"string"},
          {"name":"unit","type":"string"}]}"""));

    assertThat(report.compatible()).isFalse();
    CompatibilityProblem problem = report.problems().get(0);
    assertThat(problem.type()).isEqualTo(SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE);
    assertThat(problem.location()).isEqualTo("Reading.unit");
    assertThat(problem.pointer()).isEqualTo("/fields/1");
    assertThat(problem.problem()).isEqualTo(
        "reader field 'unit' (string) has no default and the writer io.baton.schemas.sensor.Reading does not write it");
    assertThat(problem.hint()).isEqualTo("add a default to field 'unit' in the reader schema (e.g. \"default\": \"\"),"
        + " or remove the field from the reader (a reader may declare only the fields it needs)");
  }

  @Test
  void typeMismatchNamesBothTypesAndThePromotions() {
    CompatibilityProblem problem = CompatibilityChecker.check(Reading.getClassSchema(), parse("""
        {"type":"record","name":"Reading","namespace":"io.baton.schemas.sensor","fields":[
          {"name":"timestamp","type":"int"}]}""")).problems().get(0);

    assertThat(problem.location()).isEqualTo("Reading.timestamp");
    assertThat(problem.problem()).isEqualTo("reader expects int but the writer writes long");
    assertThat(problem.hint()).isEqualTo(
        "change the reader's type to long or a type it promotes to (float, double), or make the reader a union that includes it");
  }

  @Test
  void promotedTypesAreCompatible() {
    Schema writer = parse("{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");
    Schema reader = parse("{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"n\",\"type\":\"double\"}]}");

    assertThat(CompatibilityChecker.check(writer, reader).compatible()).isTrue();
  }

  @Test
  void nestedProblemsNameTheFieldPath() {
    Schema writer = parse("""
        {"type":"record","name":"Order","fields":[{"name":"lines","type":{"type":"array","items":
          {"type":"record","name":"Line","fields":[{"name":"price","type":"string"}]}}}]}""");
    Schema reader = parse("""
        {"type":"record","name":"Order","fields":[{"name":"lines","type":{"type":"array","items":
          {"type":"record","name":"Line","fields":[{"name":"price","type":"double"}]}}}]}""");

    CompatibilityProblem problem = CompatibilityChecker.check(writer, reader).problems().get(0);

    assertThat(problem.location()).isEqualTo("Order.lines[].price");
    assertThat(problem.pointer()).isEqualTo("/fields/0/type/items/fields/0/type");
  }

  @Test
  void missingEnumSymbolsSuggestAddingThemOrADefault() {
    Schema writer = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"e\",\"type\":"
        + "{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\",\"GREEN\",\"BLUE\"]}}]}");
    Schema reader = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"e\",\"type\":"
        + "{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\"]}}]}");

    CompatibilityProblem problem = CompatibilityChecker.check(writer, reader).problems().get(0);

    assertThat(problem.location()).isEqualTo("R.e");
    assertThat(problem.problem()).isEqualTo("the writer's enum Color has symbols [BLUE, GREEN] the reader does not know");
    assertThat(problem.hint()).isEqualTo(
        "add [BLUE, GREEN] to the reader's enum Color, or give the reader's enum a \"default\" symbol");
  }

  @Test
  void missingUnionBranchNamesTheBranch() {
    Schema writer = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"u\",\"type\":[\"null\",\"string\",\"int\"]}]}");
    Schema reader = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"u\",\"type\":[\"null\",\"string\"]}]}");

    CompatibilityProblem problem = CompatibilityChecker.check(writer, reader).problems().get(0);

    assertThat(problem.location()).isEqualTo("R.u");
    assertThat(problem.problem()).isEqualTo("the writer may write int but the reader's union [null, string] has no branch for it");
    assertThat(problem.hint()).isEqualTo("add int to the reader's union");
  }

  @Test
  void renamedRecordSuggestsAnAlias() {
    CompatibilityProblem problem = CompatibilityChecker.check(Reading.getClassSchema(), Summary.getClassSchema())
        .problems().get(0);

    assertThat(problem.type()).isEqualTo(SchemaIncompatibilityType.NAME_MISMATCH);
    assertThat(problem.hint()).isEqualTo("rename the reader's type to io.baton.schemas.sensor.Reading,"
        + " or add \"aliases\": [\"io.baton.schemas.sensor.Reading\"] to it");
  }

  @Test
  void everyProblemIsReportedTogether() {
    Schema reader = parse("""
        {"type":"record","name":"Reading","namespace":"io.baton.schemas.sensor","fields":[
          {"name":"sensorId","type":"long"},
          {"name":"unit","type":"string"},
          {"name":"site","type":"int"}]}""");

    ResolutionReport report = CompatibilityChecker.check(Reading.getClassSchema(), reader);

    assertThat(report.problems()).extracting(CompatibilityProblem::location)
        .containsExactly("Reading.sensorId", "Reading.unit", "Reading.site");
    assertThat(report.toString()).startsWith(
        "writer io.baton.schemas.sensor.Reading read as io.baton.schemas.sensor.Reading: 3 problem(s)\n  - Reading.sensorId: ");
  }

  @Test
  void backwardEvolutionAddingAFieldWithoutDefaultIsRefused() {
    Schema v2 = parse("""
        {"type":"record","name":"Reading","namespace":"io.baton.schemas.sensor","fields":[
          {"name":"sensorId","type":"string"},{"name":"celsius","type":"double"},
          {"name":"timestamp","type":"long"},{"name":"unit","type":"string"}]}""");

    ResolutionReport report = CompatibilityChecker.checkEvolution(CompatibilityLevel.BACKWARD, v2, List.of(Reading.getClassSchema()));

    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo("Reading.unit");
      assertThat(p.problem()).startsWith("new schema reading data of version 1 of 1: reader field 'unit'");
    });
  }

  @Test
  void forwardEvolutionChecksTheOldReaderAgainstNewData() {
    ResolutionReport report = CompatibilityChecker.checkEvolution(CompatibilityLevel.FORWARD,
        TestSchemas.READING_PROJECTION, List.of(Reading.getClassSchema()));

    assertThat(report.problems()).extracting(CompatibilityProblem::location)
        .containsExactly("Reading.celsius", "Reading.timestamp");
    assertThat(report.problems().get(0).problem()).startsWith("version 1 of 1 reading data of the new schema: ");
  }

  @Test
  void nonTransitiveLevelsLookOnlyAtTheLatestVersion() {
    Schema v1 = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    Schema v2 = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
        + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}");
    Schema v3 = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"b\",\"type\":\"int\"}]}");

    assertThat(CompatibilityChecker.checkEvolution(CompatibilityLevel.BACKWARD, v3, List.of(v1, v2)).compatible()).isTrue();
    assertThat(CompatibilityChecker.checkEvolution(CompatibilityLevel.BACKWARD_TRANSITIVE, v3, List.of(v1, v2)).problems())
        .singleElement().satisfies(p -> assertThat(p.problem()).startsWith("new schema reading data of version 1 of 2"));
  }
}
