package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.lead.Lead;
import org.loopcrm.crm.api.lead.LeadConsent;
import org.loopcrm.crm.api.lead.LeadDraft;
import org.loopcrm.crm.api.lead.LeadScore;
import org.loopcrm.crm.api.lead.LeadStatus;
import org.loopcrm.crm.api.lead.PossibleDuplicate;

class LeadShellOutputTest {
  private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000001e");

  private static String capture(Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Lead lead() {
    return new Lead(
        ID,
        LeadStatus.DISQUALIFIED,
        "no budget",
        new LeadDraft(
            "Ada",
            "Lovelace",
            "Engines",
            null,
            "ada@example.org",
            null,
            "GB",
            null,
            "N1",
            "Computing",
            12,
            "web",
            "fair",
            "anna",
            new LeadConsent("marketing", "v3", T, "10.0.0.9")),
        42,
        List.of(new PossibleDuplicate("CONTACT", ID, "Ada Lovelace", "same e-mail")),
        "form-key",
        null,
        null,
        null,
        null,
        3,
        T,
        T);
  }

  @Test
  void aLeadShowsItsConsentDuplicatesAndWhyItWasDisqualified() {
    String out = capture(ps -> LeadOutput.show(lead(), ps));
    assertThat(out)
        .contains("Ada Lovelace (Engines)")
        .contains("DISQUALIFIED (no budget)")
        .contains("marketing (text v3)")
        .contains("from 10.0.0.9")
        .contains("duplicate? CONTACT");
    assertThat(capture(ps -> LeadOutput.list(List.of(lead()), ps)))
        .contains("1 possible duplicates")
        .contains("anna");
  }

  @Test
  void aScoreListsEachContribution() {
    String out =
        capture(
            ps ->
                LeadOutput.score(
                    new LeadScore(
                        ID,
                        30,
                        List.of(
                            new LeadScore.Contribution(
                                "visits", new BigDecimal("10.00"), "2 × web-visit at 10")),
                        T),
                    ps));
    assertThat(out).contains("score 30").contains("10.00  visits: 2 × web-visit at 10");
  }
}
