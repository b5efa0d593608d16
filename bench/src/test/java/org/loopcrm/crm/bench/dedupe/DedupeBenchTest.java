package org.loopcrm.crm.bench.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.loopcrm.crm.bench.dedupe.DedupeBench.Figures;

/** The bench at small scale as a test of the engine's correctness; no timing is asserted. */
class DedupeBenchTest {

  @Test
  void tenThousandContactsFindTheInjectedDuplicates() {
    SyntheticContacts data = SyntheticContacts.generate(10_000, 0.05, 7);
    assertThat(data.records()).hasSize(10_000);
    assertThat(data.truePairs()).isGreaterThanOrEqualTo(500);
    Figures f = DedupeBench.run(data, DedupeBench.rules());
    assertThat(f.recall()).isGreaterThanOrEqualTo(0.95);
    assertThat(f.precision()).isGreaterThanOrEqualTo(0.9);
    // Blocking keeps the work near-linear: far below the 50 million pairs of 10k records.
    assertThat(f.comparisons()).isLessThan(20L * f.records());
  }

  @Test
  void theSameSeedGivesTheSameData() {
    SyntheticContacts a = SyntheticContacts.generate(1000, 0.1, 3);
    SyntheticContacts b = SyntheticContacts.generate(1000, 0.1, 3);
    assertThat(a.records()).isEqualTo(b.records());
    assertThat(a.entity()).isEqualTo(b.entity());
  }
}
