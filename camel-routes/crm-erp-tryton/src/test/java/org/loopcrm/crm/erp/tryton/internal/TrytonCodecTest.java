package org.loopcrm.crm.erp.tryton.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrytonCodecTest {

  @Test
  void decimalsKeepTheirScaleBothWays() throws Exception {
    JsonNode node = TrytonCodec.encode(new BigDecimal("10.50"));

    assertThat(node.toString()).isEqualTo("{\"__class__\":\"Decimal\",\"decimal\":\"10.50\"}");
    assertThat(TrytonCodec.decode(node)).isEqualTo(new BigDecimal("10.50"));
  }

  @Test
  void datesAndDatetimesAreTaggedObjectsAndDatetimesAreUtc() throws Exception {
    LocalDate day = LocalDate.of(2026, 11, 23);
    Instant at = Instant.parse("2026-11-23T14:05:06.123456Z");

    assertThat(TrytonCodec.encode(day).toString())
        .isEqualTo("{\"__class__\":\"date\",\"year\":2026,\"month\":11,\"day\":23}");
    assertThat(TrytonCodec.decode(TrytonCodec.encode(day))).isEqualTo(day);
    assertThat(TrytonCodec.encode(at).get("hour").asInt()).isEqualTo(14);
    assertThat(TrytonCodec.decode(TrytonCodec.encode(at))).isEqualTo(at);
  }

  @Test
  void durationsAreSeconds() {
    JsonNode node = TrytonCodec.encode(Duration.ofHours(2));

    assertThat(node.get("seconds").asLong()).isEqualTo(7200);
    assertThat(TrytonCodec.decode(node)).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aRequestNamesTheMethodAndCarriesTheParamsInOrder() throws Exception {
    byte[] body =
        TrytonCodec.request(
            7, "model.party.party.read", List.of(List.of(1L, 2L), List.of("name"), Map.of()));

    assertThat(new String(body, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"id\":7,\"method\":\"model.party.party.read\",\"params\":[[1,2],[\"name\"],{}]}");
  }

  @Test
  void resultsDecodeToPlainJavaValuesWithTaggedValuesInside() throws Exception {
    JsonNode result =
        TrytonCodec.parse(
            ("[{\"id\":3,\"name\":\"Acme\",\"receivable\":{\"__class__\":\"Decimal\",\"decimal\":"
                    + "\"-1.5\"},\"active\":true,\"write_date\":null}]")
                .getBytes(StandardCharsets.UTF_8));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) TrytonCodec.decode(result);

    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("id")).isEqualTo(3L);
              assertThat(row.get("receivable")).isEqualTo(new BigDecimal("-1.5"));
              assertThat(row.get("active")).isEqualTo(true);
              assertThat(row).containsEntry("write_date", null);
            });
  }

  @Test
  void anUnknownTypeIsAnErrorNotASilentMap() throws Exception {
    JsonNode node = TrytonCodec.parse("{\"__class__\":\"Frobnitz\"}".getBytes());

    assertThatThrownBy(() -> TrytonCodec.decode(node)).hasMessageContaining("Frobnitz");
    assertThatThrownBy(() -> TrytonCodec.encode(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
