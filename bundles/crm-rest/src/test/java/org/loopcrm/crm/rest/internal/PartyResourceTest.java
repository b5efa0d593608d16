package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loopcrm.crm.rest.internal.TestSecurity.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyFilter;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.api.party.RoleType;
import org.loopcrm.crm.rest.internal.PartyDtos.MechanismBody;

/** The party detail resources turn paths into party keys and bodies into drafts. */
class PartyResourceTest {
  private static final UUID ACCOUNT = UUID.randomUUID();
  private static final UUID CONTACT = UUID.randomUUID();
  private static final Instant AT = Instant.parse("2026-01-31T12:00:00Z");

  private final List<Object[]> calls = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  private final PartyService parties =
      (PartyService)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {PartyService.class},
              (proxy, m, args) -> {
                calls.add(args);
                return switch (m.getName()) {
                  case "addMechanism" ->
                      mechanism((PartyKey) args[1], (ContactMechanismDraft) args[2]);
                  case "accounts" -> new Page<>(List.of(), java.util.Optional.empty());
                  default -> throw new AssertionError("unexpected call: " + m.getName());
                };
              });

  private static ContactMechanism mechanism(PartyKey key, ContactMechanismDraft d) {
    return new ContactMechanism(
        UUID.randomUUID(),
        key.partyId(),
        key.accountId(),
        d.kind(),
        d.value(),
        null,
        null,
        d.purposes(),
        d.validFrom(),
        null,
        List.of(),
        3,
        AT,
        AT);
  }

  @Test
  void aContactsMechanismIsAddressedThroughItsAccountAndGetsAnEtag() throws Exception {
    Response r =
        new ContactMechanismResource(parties)
            .add(
                as("s", "crm-sales"),
                ACCOUNT.toString(),
                CONTACT.toString(),
                new MechanismBody(
                    MechanismKind.EMAIL,
                    "a@example.com",
                    null,
                    null,
                    null,
                    Set.of(MechanismPurpose.PRIMARY),
                    "2026-02-01",
                    null));
    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(r.getEntityTag().getValue()).isEqualTo("3");
    assertThat((PartyKey) calls.get(0)[1]).isEqualTo(PartyKey.contact(ACCOUNT, CONTACT));
    assertThat(((ContactMechanismDraft) calls.get(0)[2]).validFrom())
        .isEqualTo(LocalDate.of(2026, 2, 1));
    JsonNode body = json.readTree(json.writeValueAsString(r.getEntity()));
    assertThat(body.get("partyId").asText()).isEqualTo(CONTACT.toString());
    assertThat(body.get("validFrom").asText()).isEqualTo("2026-02-01");
    assertThat(body.get("purposes").get(0).asText()).isEqualTo("PRIMARY");
  }

  @Test
  void badDatesRolesAndIdsAreRefusedBeforeTheService() {
    AccountMechanismResource mechanisms = new AccountMechanismResource(parties);
    assertThatThrownBy(
            () ->
                mechanisms.add(
                    as("s", "crm-sales"),
                    ACCOUNT.toString(),
                    new MechanismBody(
                        MechanismKind.EMAIL,
                        "a@example.com",
                        null,
                        null,
                        null,
                        null,
                        "1.2.2026",
                        null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> mechanisms.list(as("s", "crm-sales"), "not-a-uuid"))
        .isInstanceOf(NotFoundException.class);
    PartyResource resource = new PartyResource(parties);
    assertThatThrownBy(
            () -> resource.accounts(as("v", "crm-viewer"), null, "king", null, null, null, null))
        .isInstanceOf(ValidationException.class);
    assertThat(calls).isEmpty();
    resource.accounts(as("v", "crm-viewer"), null, "Customer", "vip", "2026-06-30", "10", null);
    assertThat((PartyFilter) calls.get(0)[1])
        .isEqualTo(new PartyFilter(RoleType.CUSTOMER, "vip", LocalDate.of(2026, 6, 30), 10, null));
  }
}
