package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.merge.MergeRequest;
import org.loopcrm.crm.api.merge.PartyKind;
import org.loopcrm.crm.api.merge.PartyMergedException;
import org.loopcrm.crm.rest.internal.MergeDtos.MergeBody;
import org.loopcrm.crm.rest.internal.MergeDtos.PartyBody;

class MergeResourceTest {
  @Test
  @SuppressWarnings("unchecked")
  void aMergedRecordIs404NamingTheSurvivor() {
    UUID loser = UUID.randomUUID();
    UUID survivor = UUID.randomUUID();
    Response r =
        new ProblemMapper().toResponse(new PartyMergedException("account", loser, survivor));
    assertThat(r.getStatus()).isEqualTo(404);
    Map<String, Object> body = (Map<String, Object>) r.getEntity();
    assertThat(body)
        .containsEntry("type", "https://loopcrm.org/problems/merged")
        .containsEntry("mergedInto", survivor.toString());
    assertThat((String) body.get("detail"))
        .isEqualTo("account " + loser + " was merged into account " + survivor);
  }

  @Test
  void theBodyNeedsEveryVersion() {
    UUID s = UUID.randomUUID();
    UUID l = UUID.randomUUID();
    MergeRequest ok =
        new MergeBody(
                PartyKind.ACCOUNT,
                new PartyBody(s, 3L),
                List.of(new PartyBody(l, 1L)),
                Map.of("name", l))
            .toRequest();
    assertThat(ok.survivor().version()).isEqualTo(3);
    assertThat(ok.losers().get(0).id()).isEqualTo(l);
    assertThatThrownBy(
            () ->
                new MergeBody(
                        PartyKind.ACCOUNT,
                        new PartyBody(s, null),
                        List.of(new PartyBody(l, 1L)),
                        null)
                    .toRequest())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("survivor.version");
  }
}
