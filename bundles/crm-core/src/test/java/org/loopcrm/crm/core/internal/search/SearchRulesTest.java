package org.loopcrm.crm.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;

class SearchRulesTest {

  @Test
  void queriesSplitIntoDistinctLowerCaseWords() {
    assertThat(SearchRules.words("  ACME-Tools, acme  gmbh "))
        .containsExactly("acme", "tools", "gmbh");
    assertThat(SearchRules.words("jane.doe@x.example"))
        .containsExactly("jane", "doe", "x", "example");
    assertThatThrownBy(() -> SearchRules.words("--")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> SearchRules.words("x".repeat(201)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void namesMatchByWordPrefixAndScoreExactWordsHigher() {
    List<String> acme = List.of("acme");
    assertThat(SearchRules.nameScore("Acme Tools", acme)).isEqualTo(1.0);
    assertThat(SearchRules.nameScore("Acmeson", acme)).isEqualTo(0.75);
    assertThat(SearchRules.nameScore("Megaacme", acme)).isZero();
    assertThat(SearchRules.nameScore("Acme Tools", List.of("acme", "too"))).isEqualTo(0.875);
    assertThat(SearchRules.nameScore("Acme", List.of("acme", "tools"))).isZero();
  }

  @Test
  void textsMatchByContent() {
    assertThat(SearchRules.textScore("info@acme.example", List.of("acme"))).isEqualTo(1.0);
    assertThat(SearchRules.textScore("info@acmetools.example", List.of("acme"))).isEqualTo(0.75);
    assertThat(SearchRules.textScore("info@megaacme.example", List.of("acme"))).isEqualTo(0.5);
    assertThat(SearchRules.textScore("info@acme.example", List.of("acme", "nope"))).isZero();
    assertThat(SearchRules.prefixTsQuery(List.of("a", "b1"))).isEqualTo("a:* & b1:*");
  }
}
