package io.baton.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.schemas.TestSchemas;
import io.baton.schemas.sensor.Reading;
import org.junit.jupiter.api.Test;

class ClassRefTest {

  @Test
  void travelsByNameAndLoadsTheClassAgain() throws Exception {
    ClassRef<Reading> copy = TestSchemas.javaRoundTrip(ClassRef.of(Reading.class));

    assertThat(copy.name()).isEqualTo("io.baton.schemas.sensor.Reading");
    assertThat(copy.get()).isSameAs(Reading.class);
    assertThat(copy).isEqualTo(ClassRef.of(Reading.class)).hasToString("ClassRef(io.baton.schemas.sensor.Reading)");
  }

  @Test
  void simpleNameNeedsNoClassLoading() {
    assertThat(ClassRef.of(Reading.class).simpleName()).isEqualTo("Reading");
    assertThat(ClassRef.of(java.util.Map.Entry.class).simpleName()).isEqualTo("Entry");
  }

  @Test
  void aClassMissingWhereItIsUsedSaysSo() throws Exception {
    ClassRef<Reading> copy = TestSchemas.javaRoundTrip(ClassRef.of(Reading.class));
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(new ClassLoader(null) { });
    try {
      assertThatThrownBy(copy::get).isInstanceOf(IllegalStateException.class)
          .hasMessage("class io.baton.schemas.sensor.Reading is not on this task's class path; is it in the job jar?");
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
