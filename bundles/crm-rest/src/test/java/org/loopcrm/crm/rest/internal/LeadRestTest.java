package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.lead.Conversion;
import org.loopcrm.crm.api.lead.LeadDraft;
import org.loopcrm.crm.api.lead.LeadStatus;
import org.loopcrm.crm.rest.internal.LeadDtos.ConvertBody;
import org.loopcrm.crm.rest.internal.LeadDtos.FormBody;
import org.loopcrm.crm.rest.internal.LeadDtos.LeadBody;
import org.loopcrm.crm.rest.internal.LeadDtos.OpportunityBody;
import org.loopcrm.crm.rest.internal.LeadDtos.ScoringRuleBody;
import org.loopcrm.crm.rest.internal.LeadDtos.StatusBody;

/** Lead DTOs, the CSV reader, the rate limiter and the one public path. */
class LeadRestTest {

  @Test
  void onlyAPostOfOneFormKeyIsPublic() {
    assertThat(BasicAuthFilter.isPublic("POST", "public/leads/abcdef-123_X")).isTrue();
    assertThat(BasicAuthFilter.isPublic("GET", "public/leads/abcdef-123_X")).isFalse();
    assertThat(BasicAuthFilter.isPublic("POST", "public/leads/abc/def")).isFalse();
    assertThat(BasicAuthFilter.isPublic("POST", "public/leads/")).isFalse();
    assertThat(BasicAuthFilter.isPublic("POST", "leads")).isFalse();
    assertThat(BasicAuthFilter.isPublic("POST", "public/leads/..%2Fleads")).isFalse();
  }

  @Test
  void theBucketRefillsWithTimeAndSaysHowLongToWait() {
    AtomicLong nanos = new AtomicLong();
    RateLimiter limiter = new RateLimiter(nanos::get);
    assertThat(limiter.acquire("f|1.2.3.4", 2)).isZero();
    assertThat(limiter.acquire("f|1.2.3.4", 2)).isZero();
    assertThat(limiter.acquire("f|1.2.3.4", 2)).isEqualTo(30);
    assertThat(limiter.acquire("f|5.6.7.8", 2)).isZero();
    nanos.addAndGet(30_000_000_000L);
    assertThat(limiter.acquire("f|1.2.3.4", 2)).isZero();
    assertThat(limiter.acquire("f|1.2.3.4", 2)).isPositive();
  }

  @Test
  void csvFieldsMayHoldCommasQuotesAndLineBreaks() {
    List<List<String>> rows =
        LeadCsv.parse(
            "\uFEFFlastName,company,email\r\n\"O\"\"Brien\",\"Acme, Inc.\",a@b.c\n"
                + "Smith,\"two\nlines\",\n\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).containsExactly("lastName", "company", "email");
    assertThat(rows.get(1)).containsExactly("O\"Brien", "Acme, Inc.", "a@b.c");
    assertThat(rows.get(2)).containsExactly("Smith", "two\nlines", "");
    assertThatThrownBy(() -> LeadCsv.parse("a,\"b\n")).hasMessageContaining("not closed");
  }

  @Test
  void bodiesBecomeDraftsAndBadValuesFieldErrors() {
    LeadDraft d =
        new LeadBody(
                "Ada", "L", null, null, "a@b.c", null, "gb", null, null, null, 3, null, null, null,
                null)
            .toDraft();
    assertThat(d.lastName()).isEqualTo("L");
    assertThat(d.employees()).isEqualTo(3);
    assertThat(new StatusBody("working", null).target()).isEqualTo(LeadStatus.WORKING);
    assertThatThrownBy(() -> new StatusBody("LOST", null).target())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("status");
    Conversion c =
        new ConvertBody(null, null, new OpportunityBody("Deal", null, "2026-12-31")).toConversion();
    assertThat(c.opportunity().closeDate()).hasToString("2026-12-31");
    assertThatThrownBy(() -> new ConvertBody("not-an-id", null, null).toConversion())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("accountId");
    assertThat(
            new FormBody(
                    null,
                    "F",
                    null,
                    List.of("email"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)
                .toDraft())
        .satisfies(
            f -> {
              assertThat(f.enabled()).isTrue();
              assertThat(f.ratePerMinute()).isEqualTo(10);
            });
    assertThatThrownBy(
            () ->
                new ScoringRuleBody(null, "x", null, null, null, "call", null, null, null, null)
                    .toRule())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("points");
  }

  @Test
  void publicBodiesAreReadAsFormOrJsonAndNothingElse() {
    assertThat(PublicLeadResource.form("lastName=O%27Brien&email=a%40b.c&email=x&website="))
        .containsEntry("lastName", "O'Brien")
        .containsEntry("email", "a@b.c")
        .containsEntry("website", "");
    assertThat(PublicLeadResource.json("{\"lastName\":\"Web\",\"employees\":12}"))
        .containsEntry("employees", "12");
    assertThatThrownBy(() -> PublicLeadResource.json("{\"lastName\":{\"x\":1}}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lastName");
    assertThatThrownBy(() -> PublicLeadResource.json("[1]"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> PublicLeadResource.form("a=%zz"))
        .isInstanceOf(ValidationException.class);
  }
}
