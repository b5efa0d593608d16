package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class BodyLimitTest {
  private static ByteArrayInputStream bytes(int n) {
    return new ByteArrayInputStream(new byte[n]);
  }

  @Test
  void readsUpToTheLimit() throws Exception {
    try (BodyLimit in = new BodyLimit(bytes(10), 10)) {
      assertThat(in.readAllBytes()).hasSize(10);
    }
  }

  @Test
  void failsOneBytePastTheLimitWhateverTheReadMethod() {
    assertThatThrownBy(() -> new BodyLimit(bytes(11), 10).readAllBytes())
        .isInstanceOf(BodyLimit.TooLarge.class)
        .hasMessageContaining("10 bytes");
    assertThatThrownBy(
            () -> {
              BodyLimit in = new BodyLimit(bytes(11), 10);
              while (in.read() >= 0) {
                // drain byte by byte
              }
            })
        .isInstanceOf(BodyLimit.TooLarge.class);
  }

  @Test
  void anOversizedJsonBodyBecomes413() {
    String json = "{\"name\":\"" + "x".repeat(100) + "\"}";
    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                new ObjectMapper()
                    .readValue(
                        new BodyLimit(
                            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 50),
                        Map.class));
    Response r = new ProblemMapper().toResponse(failure);
    assertThat(r.getStatus()).isEqualTo(413);
  }
}
