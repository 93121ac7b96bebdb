package io.baton.api.fn;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.testrecords.Reading;
import io.baton.api.testrecords.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdasTest {

  static Summary summarize(String key, List<Reading> readings) {
    return new Summary(key, readings.size());
  }

  @Test
  void methodReferenceNamesItsProperty() {
    KeyFunction<Reading, String> key = Reading::getSensorId;
    assertThat(Lambdas.describe(key, "key")).isEqualTo("sensorId");
  }

  @Test
  void returnTypeOfMethodReferenceAndLambdaIsFound() {
    BatchFunction<String, Reading, Summary> ref = LambdasTest::summarize;
    RecordFunction<Reading, Summary> lambda = r -> new Summary(r.getSensorId(), 1);
    assertThat(Lambdas.returnType(ref)).contains(Summary.class);
    assertThat(Lambdas.returnType(lambda)).contains(Summary.class);
  }

  @Test
  void iterableReturnTypeIsUnknown() {
    FlatRecordFunction<Reading, Summary> flat = r -> List.of();
    assertThat(Lambdas.returnType(flat)).isEmpty();
  }
}
