package org.loopcrm.crm.core.internal.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.Cluster;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.Match;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.ScanResult;

class DedupeEngineTest {
  private final DedupeEngine engine = new DedupeEngine(MatchRules.defaults());

  private static MatchRecord contact(
      String id, String name, String city, String email, String phone) {
    return new MatchRecord(
        id,
        RecordKind.CONTACT,
        name,
        city,
        email == null ? List.of() : List.of(email),
        phone == null ? List.of() : List.of(phone),
        null,
        null);
  }

  private static MatchRecord account(
      String id, String name, String city, String taxId, String erp) {
    return new MatchRecord(id, RecordKind.ACCOUNT, name, city, List.of(), List.of(), taxId, erp);
  }

  @Test
  void exactRulesMatchAfterNormalisation() {
    assertThat(
            engine.compare(
                contact("a", "Ann Lee", "Oslo", "Ann.Lee@Example.com", null),
                contact("b", "Totally Other", "Bergen", " ann.lee@example.COM", null)))
        .extracting(Match::rule, Match::score)
        .containsExactly(Rule.EMAIL, 1.0);
    assertThat(
            engine.compare(
                contact("a", "Ann Lee", null, null, "+47 22 33 44 55"),
                contact("b", "Bob Roe", null, null, "0047-22334455")))
        .extracting(Match::rule, Match::score)
        .containsExactly(Rule.PHONE, 0.95);
    assertThat(
            engine.compare(
                account("a", "X", null, "no 123", null), account("b", "Y", null, "NO123", null)))
        .extracting(Match::rule)
        .isEqualTo(Rule.TAX_ID);
    assertThat(
            engine.compare(
                account("a", "X", null, null, "E-1"), account("b", "Y", null, null, "e-1")))
        .extracting(Match::rule)
        .isEqualTo(Rule.ERP_REF);
  }

  @Test
  void fuzzyNamesMatchInTheSameLocalityOnly() {
    Match typo =
        engine.compare(
            contact("a", "Katharina Schmidt", "Berlin", null, null),
            contact("b", "Katharina Schmitd", "berlin", null, null));
    assertThat(typo).isNotNull();
    assertThat(typo.rule()).isEqualTo(Rule.NAME);
    assertThat(typo.score()).isBetween(0.92, 1.0);
    assertThat(
            engine.compare(
                contact("a", "Schmidt, Katharina", "Berlin", null, null),
                contact("b", "katharina SCHMIDT", "Berlin", null, null)))
        .extracting(Match::score)
        .isEqualTo(1.0);
    assertThat(
            engine.compare(
                contact("a", "Katharina Schmidt", "Berlin", null, null),
                contact("b", "Katharina Schmidt", "Hamburg", null, null)))
        .isNull();
    assertThat(
            engine.compare(
                contact("a", "Katharina Schmidt", "Berlin", null, null),
                contact("b", "Peter Schmidt", "Berlin", null, null)))
        .isNull();
    assertThat(
            engine.compare(
                account("a", "Acme GmbH", "Graz", null, null),
                contact("b", "Acme", "Graz", null, null)))
        .as("an account and a contact are never duplicates")
        .isNull();
  }

  @Test
  void differentTaxIdsVetoASimilarName() {
    assertThat(
            engine.compare(
                account("a", "Acme GmbH", "Graz", "ATU1", null),
                account("b", "ACME", "Graz", "ATU2", null)))
        .isNull();
    assertThat(
            engine.compare(
                account("a", "Acme GmbH", "Graz", "ATU1", null),
                account("b", "ACME", "Graz", null, null)))
        .isNotNull();
  }

  @Test
  void candidatesAreSortedBestFirstAndSkipTheProbe() {
    MatchRecord probe = contact("p", "Ann Lee", "Oslo", "ann@x.io", null);
    List<Match> found =
        engine.candidates(
            probe,
            List.of(
                probe,
                contact("1", "Anne Lee", "Oslo", null, null),
                contact("2", "Someone", "Oslo", "ANN@x.io", null),
                contact("3", "Ben Ray", "Oslo", null, null)));
    assertThat(found).extracting(Match::b).containsExactly("2", "1");
  }

  @Test
  void scanClustersTransitivelyAndHonoursDismissedPairs() {
    List<MatchRecord> recs =
        List.of(
            contact("a", "Ann Lee", "Oslo", "ann@x.io", null),
            contact("b", "Ann Lee", "Oslo", null, "+4722334455"),
            contact("c", "Someone Else", "Rome", null, "+47 22 33 44 55"),
            contact("d", "Zed Zulu", "Rome", null, null),
            account("e", "Acme GmbH", "Graz", "ATU1", null),
            account("f", "ACME", "Graz", "ATU 1", null));
    ScanResult r = engine.scan(recs, (x, y) -> false);
    assertThat(r.records()).isEqualTo(6);
    assertThat(r.clusters()).hasSize(2);
    assertThat(r.clusters())
        .extracting(c -> c.members().stream().map(DedupeEngine.Member::id).sorted().toList())
        .containsExactlyInAnyOrder(List.of("a", "b", "c"), List.of("e", "f"));
    assertThat(r.clusters())
        .extracting(Cluster::kind)
        .contains(RecordKind.ACCOUNT, RecordKind.CONTACT);

    ScanResult dismissed = engine.scan(recs, (x, y) -> Set.of(x, y).equals(Set.of("e", "f")));
    assertThat(dismissed.clusters()).hasSize(1);
    assertThat(dismissed.matches()).isEqualTo(r.matches());
  }

  @Test
  void largeBlocksAreWindowedSoTheCostStaysNearLinear() {
    MatchRules small = MatchRules.parse("name", "", 0.9, 0.92, 10, 3, null);
    List<MatchRecord> recs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      recs.add(contact("r" + i, "Smith " + Integer.toString(i * 7919, 36), "Leeds", null, null));
    }
    ScanResult r = new DedupeEngine(small).scan(recs, (x, y) -> false);
    // Every record shares the block "leeds|smi": all pairs would be ~500k comparisons.
    assertThat(r.comparisons()).isLessThan(10_000);
  }

  @Test
  void rulesParseAndRefuseNonsense() {
    MatchRules r = MatchRules.parse("email, name", "name=0.8", 0.75, 0.9, 50, 5, "de");
    assertThat(r.rules()).containsExactlyInAnyOrder(Rule.EMAIL, Rule.NAME);
    assertThat(r.weight(Rule.NAME)).isEqualTo(0.8);
    assertThat(r.weight(Rule.EMAIL)).isEqualTo(1.0);
    assertThat(r.defaultRegion()).isEqualTo("DE");
    assertThatThrownBy(() -> MatchRules.parse("email,soundex", "", 0.9, 0.9, 50, 5, null))
        .hasMessageContaining("unknown rule 'soundex'");
    assertThatThrownBy(() -> MatchRules.parse("email", "email=2", 0.9, 0.9, 50, 5, null))
        .hasMessageContaining("weight of email");
    assertThatThrownBy(() -> MatchRules.parse("", "", 0.9, 0.9, 50, 5, null))
        .hasMessageContaining("at least one rule");
  }
}
