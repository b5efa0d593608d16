package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.servicecase.CaseChannel;
import org.loopcrm.crm.api.servicecase.CaseDraft;
import org.loopcrm.crm.api.servicecase.CaseEventKind;
import org.loopcrm.crm.api.servicecase.CasePriority;
import org.loopcrm.crm.api.servicecase.CaseStatus;
import org.loopcrm.crm.api.servicecase.ServiceCase;
import org.loopcrm.crm.rest.internal.CaseDtos.CaseBody;
import org.loopcrm.crm.rest.internal.CaseDtos.CaseStatusBody;
import org.loopcrm.crm.rest.internal.CaseDtos.CaseView;
import org.loopcrm.crm.rest.internal.CaseDtos.CommentBody;

class CaseDtosTest {

  @Test
  void aCaseBodyReadsItsEnumsIgnoringCaseAndLeavesAbsentOnesToTheService() {
    UUID account = UUID.randomUUID();
    CaseDraft d =
        new CaseBody(account.toString(), null, "Jam", null, "email", "urgent", "hw", null, null)
            .toDraft();
    assertThat(d.accountId()).isEqualTo(account);
    assertThat(d.channel()).isEqualTo(CaseChannel.EMAIL);
    assertThat(d.priority()).isEqualTo(CasePriority.URGENT);
    CaseDraft bare = new CaseBody(null, null, "Jam", null, null, null, null, null, null).toDraft();
    assertThat(bare.channel()).isNull();
    assertThat(bare.priority()).isNull();
  }

  @Test
  void badValuesAreFieldErrorsTogether() {
    assertThatThrownBy(
            () -> new CaseBody("nope", "x", "Jam", null, "fax", "meh", null, null, null).toDraft())
        .isInstanceOfSatisfying(
            ValidationException.class,
            v ->
                assertThat(v.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("accountId", "contactId", "channel", "priority"));
    assertThatThrownBy(() -> new CaseStatusBody("done", null).target())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("WAITING_ON_CUSTOMER");
    assertThat(new CaseStatusBody("waiting_on_customer", null).target())
        .isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
    assertThat(new CommentBody(null, "hi").target()).isEqualTo(CaseEventKind.REPLY);
    assertThat(new CommentBody("note", "hi").target()).isEqualTo(CaseEventKind.NOTE);
  }

  @Test
  void theViewWritesInstantsAsText() {
    Instant t = Instant.parse("2026-06-01T10:00:00Z");
    ServiceCase c =
        new ServiceCase(
            UUID.randomUUID(),
            "CASE-000007",
            UUID.randomUUID(),
            null,
            "Jam",
            null,
            CaseChannel.PHONE,
            CasePriority.HIGH,
            null,
            null,
            CaseStatus.NEW,
            "anna",
            t,
            null,
            null,
            null,
            3,
            "admin",
            t,
            t);
    CaseView v = CaseView.of(c);
    assertThat(v.responseDueAt()).isEqualTo("2026-06-01T10:00:00Z");
    assertThat(v.firstResponseAt()).isNull();
    assertThat(v.status()).isEqualTo("NEW");
    assertThat(v.number()).isEqualTo("CASE-000007");
  }
}
