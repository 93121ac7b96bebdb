package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlinkYamlTest {
  @Test
  void sharedPrefixesBecomeOneNestedBlock() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rest.port", "8081");
    m.put("rest.address", "127.0.0.1");
    m.put("parallelism.default", "1");
    assertThat(FlinkYaml.render(m)).isEqualTo("rest:\n  port: 8081\n  address: '127.0.0.1'\nparallelism:\n  default: 1\n");
  }

  @Test
  void stringsAreQuotedAndQuotesDoubled() {
    assertThat(FlinkYaml.scalar("1 s")).isEqualTo("'1 s'");
    assertThat(FlinkYaml.scalar("it's")).isEqualTo("'it''s'");
    assertThat(FlinkYaml.scalar("true")).isEqualTo("true");
    assertThat(FlinkYaml.scalar("-3")).isEqualTo("-3");
  }

  @Test
  void aKeyCannotBeBothAValueAndAParent() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("a.b", "1");
    m.put("a.b.c", "2");
    assertThatThrownBy(() -> FlinkYaml.render(m))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option a.b.c nests under a.b, which already has a value");
  }
}
