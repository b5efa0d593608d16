package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.dedupe.ClusterMember;
import org.loopcrm.crm.api.dedupe.ClusterStatus;
import org.loopcrm.crm.api.dedupe.DuplicateCluster;
import org.loopcrm.crm.api.dedupe.DuplicateScan;
import org.loopcrm.crm.api.dedupe.ScanStatus;

class DuplicateShellOutputTest {
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID B = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
  private static final UUID P = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
  private static final UUID C = UUID.fromString("00000000-0000-0000-0000-0000000000d4");

  @Test
  void clustersListTheirMembersWithScoreRuleAndContactAccount() {
    String out =
        capture(
            ps ->
                DuplicateListCommand.print(
                    List.of(
                        new DuplicateCluster(
                            C,
                            "contact",
                            ClusterStatus.OPEN,
                            0.95,
                            List.of(
                                new ClusterMember(A, A, "Acme", 1.0, "taxId"),
                                new ClusterMember(P, B, "Ann Lee", 0.95, "phone")),
                            UUID.randomUUID(),
                            0,
                            Instant.EPOCH,
                            null,
                            null)),
                    ps));
    assertThat(out)
        .contains(C + "  contact OPEN      score 0.9500  2 members")
        .contains("    " + A + "  1.0000 taxId  Acme\n")
        .contains("    " + P + "  0.9500 phone  Ann Lee  (account " + B + ")");
    assertThat(capture(ps -> DuplicateListCommand.print(List.of(), ps)))
        .isEqualTo("no duplicate clusters\n");
  }

  @Test
  void aScanPrintsItsFigures() {
    String out =
        capture(
            ps ->
                DuplicateScanCommand.print(
                    new DuplicateScan(
                        C, ScanStatus.DONE, "admin", Instant.EPOCH, Instant.EPOCH, 12, 30, 2, null),
                    ps));
    assertThat(out).isEqualTo("scan " + C + " DONE: 12 records, 30 comparisons, 2 open clusters\n");
  }

  private static String capture(java.util.function.Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    print.accept(ps);
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
