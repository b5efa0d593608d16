package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpAccountService;
import org.loopcrm.crm.api.erp.ErpDocument;
import org.loopcrm.crm.api.erp.ErpSnapshot;
import org.loopcrm.crm.api.erp.SyncConflict;
import org.loopcrm.crm.api.erp.Watermark;
import org.loopcrm.crm.rest.internal.ErpDtos.ResolutionBody;
import org.loopcrm.crm.rest.internal.ErpDtos.SnapshotView;
import org.loopcrm.crm.rest.internal.ErpDtos.WatermarkBody;

class ErpResourceTest {
  private static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

  /** Remembers the calls; answers with fixed values. */
  private static final class FakeErp implements ErpAccountService {
    final List<String> calls = new ArrayList<>();

    @Override
    public ErpSnapshot snapshot(Actor actor, UUID accountId) {
      calls.add("snapshot " + actor.user() + " " + accountId);
      return new ErpSnapshot(
          accountId,
          new BigDecimal("1200"),
          null,
          new BigDecimal("1000"),
          "EUR",
          3,
          "INV-3",
          1,
          Instant.EPOCH,
          null,
          Map.of(DocumentKind.SALE, 2L));
    }

    @Override
    public Page<ErpDocument> documents(
        Actor actor, UUID accountId, DocumentKind kind, int limit, String cursor) {
      calls.add("documents " + kind + " " + limit + " " + cursor);
      return new Page<>(List.of(), Optional.of("next"));
    }

    @Override
    public Page<SyncConflict> conflicts(Actor actor, boolean openOnly, int limit, String cursor) {
      calls.add("conflicts " + openOnly + " " + limit);
      return new Page<>(List.of(), Optional.empty());
    }

    @Override
    public SyncConflict resolve(Actor actor, UUID conflictId, SyncConflict.Status resolution) {
      calls.add("resolve " + conflictId + " " + resolution);
      return new SyncConflict(
          conflictId,
          ACCOUNT,
          "tryton",
          "C-1",
          Map.of("name", "Erp"),
          Map.of("name", "Crm"),
          resolution,
          Instant.EPOCH,
          actor.user(),
          Instant.EPOCH);
    }
  }

  @Test
  void theSnapshotShowsWhetherTheCreditLimitIsExceededAndDocumentsDefaultToFifty() {
    FakeErp fake = new FakeErp();
    AccountErpResource r = new AccountErpResource(fake, null, null);
    SnapshotView v = r.snapshot(TestSecurity.as("ann", "crm-sales"), ACCOUNT.toString());
    assertThat(v.overCreditLimit()).isTrue();
    assertThat(v.lastPaymentAt()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(v.balanceAsOf()).isNull();
    assertThat(v.documents()).containsEntry(DocumentKind.SALE, 2L);
    assertThat(
            r.documents(TestSecurity.as("ann", "crm-sales"), ACCOUNT.toString(), "sale", null, null)
                .nextCursor())
        .isEqualTo("next");
    assertThat(fake.calls).containsExactly("snapshot ann " + ACCOUNT, "documents SALE 50 null");
    assertThatThrownBy(
            () ->
                r.documents(
                    TestSecurity.as("ann", "crm-sales"), ACCOUNT.toString(), "order", null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> r.snapshot(TestSecurity.as("ann", "crm-sales"), "not-an-id"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void conflictsAreOpenOnesUnlessAllAreAskedForAndAResolutionIsNeverOpen() {
    FakeErp fake = new FakeErp();
    ErpResource r = new ErpResource(new ErpServices(fake, null, null, null));
    r.conflicts(TestSecurity.as("root", "crm-admin"), null, null, null);
    r.conflicts(TestSecurity.as("root", "crm-admin"), "ALL", "10", null);
    assertThatThrownBy(
            () -> r.conflicts(TestSecurity.as("root", "crm-admin"), "closed", null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("status");
    UUID id = UUID.randomUUID();
    assertThat(
            r.resolve(
                    TestSecurity.as("root", "crm-admin"),
                    id.toString(),
                    new ResolutionBody(SyncConflict.Status.KEPT_CRM))
                .resolvedBy())
        .isEqualTo("root");
    assertThatThrownBy(
            () ->
                r.resolve(
                    TestSecurity.as("root", "crm-admin"),
                    id.toString(),
                    new ResolutionBody(SyncConflict.Status.OPEN)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> r.resolve(TestSecurity.as("root", "crm-admin"), id.toString(), null))
        .isInstanceOf(ValidationException.class);
    assertThat(fake.calls)
        .containsExactly("conflicts true 50", "conflicts false 10", "resolve " + id + " KEPT_CRM");
  }

  @Test
  void aWatermarkNeedsBothPartsAndNamesEveryBadOne() {
    assertThat(new WatermarkBody("2026-06-01T00:00:00Z", 7L).toWatermark())
        .isEqualTo(new Watermark(Instant.parse("2026-06-01T00:00:00Z"), 7));
    assertThatThrownBy(() -> new WatermarkBody("yesterday", -1L).toWatermark())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("changedAt", "lastId"));
    assertThatThrownBy(() -> new WatermarkBody(null, null).toWatermark())
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void refusalsAreProblemJson() {
    Response r = new ProblemMapper().toResponse(new AccessDeniedException("no finance facts"));
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
  }

  /** Answers from the query it was given, so the test sees how the resource parsed it. */
  private static org.loopcrm.crm.api.erp.ErpLiveService live() {
    return new org.loopcrm.crm.api.erp.ErpLiveService() {
      @Override
      public org.loopcrm.crm.api.erp.port.Availability availability(
          org.loopcrm.crm.api.Actor actor,
          String erpSystem,
          String productCode,
          java.math.BigDecimal quantity,
          java.time.LocalDate date,
          String warehouse) {
        return new org.loopcrm.crm.api.erp.port.Availability(
            productCode, warehouse, date, quantity, java.math.BigDecimal.TEN, quantity, "u", null);
      }

      @Override
      public org.loopcrm.crm.api.erp.CreditCheck creditCheck(
          org.loopcrm.crm.api.Actor actor,
          String erpSystem,
          UUID accountId,
          java.math.BigDecimal amount) {
        return new org.loopcrm.crm.api.erp.CreditCheck(
            accountId,
            "tryton",
            new org.loopcrm.crm.api.erp.port.CreditStatus(
                "42", java.math.BigDecimal.ONE, null, null, "EUR", Instant.EPOCH),
            amount,
            true);
      }

      @Override
      public org.loopcrm.crm.api.erp.port.Product product(
          org.loopcrm.crm.api.Actor actor, String erpSystem, String productCode) {
        throw new org.loopcrm.crm.api.NotFoundException("product", productCode);
      }
    };
  }

  @Test
  void availabilityAndCreditParseTheirQueryAndRefuseBadNumbers() {
    ErpResource r = new ErpResource(new ErpServices(null, null, live(), null));
    var a =
        r.availability(
            TestSecurity.as("ann", "crm-user"), "WIDGET", "2.5", "2026-12-01", "WH", null);
    assertThat(a.date()).isEqualTo("2026-12-01");
    assertThat(a.requested()).isEqualByComparingTo("2.5");
    assertThat(a.available()).isTrue();
    assertThatThrownBy(
            () -> r.availability(TestSecurity.as("ann", "crm-user"), "W", "lots", null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("quantity");
    assertThatThrownBy(
            () ->
                r.availability(
                    TestSecurity.as("ann", "crm-user"), "W", "1", "tomorrow", null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("date");

    AccountErpResource accounts = new AccountErpResource(null, live(), null);
    var c = accounts.credit(TestSecurity.as("ann", "crm-user"), ACCOUNT.toString(), "99.5", null);
    assertThat(c.erpRef()).isEqualTo("42");
    assertThat(c.amount()).isEqualByComparingTo("99.5");
    assertThat(c.asOf()).isEqualTo("1970-01-01T00:00:00Z");
  }
}
