package org.loopcrm.crm.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesScalarsAndNestedObjects() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\nd\u0001");
    m.put("n", 42L);
    m.put("d", new BigDecimal("1E+3"));
    m.put("b", true);
    m.put("z", null);
    m.put("t", Instant.parse("2026-11-23T10:15:30Z"));
    m.put("o", Map.of("k", "v"));
    assertThat(Json.write(m))
        .isEqualTo(
            "{\"s\":\"a\\\"b\\\\c\\nd\\u0001\",\"n\":42,\"d\":1000,\"b\":true,\"z\":null,"
                + "\"t\":\"2026-11-23T10:15:30Z\",\"o\":{\"k\":\"v\"}}");
  }

  @Test
  void writesListsAsArrays() {
    assertThat(Json.write(Map.of("l", List.of("a", 1L, List.of()))))
        .isEqualTo("{\"l\":[\"a\",1,[]]}");
  }

  @Test
  void refusesTypesWithoutAJsonForm() {
    assertThatThrownBy(() -> Json.write(Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesCollectionsAsArrays() {
    assertThat(Json.write(Map.of("a", List.of("x", 1L, List.of()))))
        .isEqualTo("{\"a\":[\"x\",1,[]]}");
  }

  @Test
  void readsWhatItWrites() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\nd\u0001\u00e9");
    m.put("n", 42L);
    m.put("d", new BigDecimal("-12.50"));
    m.put("b", false);
    m.put("z", null);
    m.put("o", Map.of("k", List.of("v", true)));
    Map<String, Object> back = Json.readObject(Json.write(m));
    assertThat(back)
        .containsEntry("s", m.get("s"))
        .containsEntry("n", new BigDecimal("42"))
        .containsEntry("d", new BigDecimal("-12.50"))
        .containsEntry("b", false)
        .containsEntry("z", null)
        .containsEntry("o", Map.of("k", List.of("v", true)));
    assertThat(back).containsOnlyKeys("s", "n", "d", "b", "z", "o");
  }

  @Test
  void readsWhitespaceEscapesAndExponents() {
    assertThat(Json.read(" [ 1e2 , \"\\u0041\\/\" , { } ] "))
        .isEqualTo(List.of(new BigDecimal("1e2"), "A/", Map.of()));
  }

  @Test
  void refusesMalformedJson() {
    for (String bad :
        List.of(
            "", "{", "{\"a\" 1}", "[1,]", "tru", "\"x", "{} {}", "{\"a\":1,}", "01x", "[\"\t\"]")) {
      assertThatThrownBy(() -> Json.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Json.readObject("[]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.read("[".repeat(100) + "]".repeat(100)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
