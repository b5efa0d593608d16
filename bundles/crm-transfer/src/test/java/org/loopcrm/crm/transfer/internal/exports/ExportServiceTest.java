package org.loopcrm.crm.transfer.internal.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loopcrm.crm.transfer.internal.exports.FakeCrm.ACTOR;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportSubject;

class ExportServiceTest {
  private static final AccountQuery FILTER =
      new AccountQuery("Ac", "ada", true, AccountSort.CREATED_DESC, 7, "ignored");

  private static ExportRequest request(ExportFormat format, List<String> columns) {
    return new ExportRequest(ExportSubject.ACCOUNTS, format, FILTER, columns, false);
  }

  @Test
  void theListsFilterAndOrderAreKeptOnEveryPage() throws IOException {
    FakeCrm crm = new FakeCrm(450, i -> FakeCrm.account("A" + i, null));

    crm.service()
        .export(ACTOR, request(ExportFormat.CSV, List.of("name")), OutputStream.nullOutputStream());

    assertThat(crm.queries)
        .containsExactly(
            new AccountQuery("Ac", "ada", true, AccountSort.CREATED_DESC, 200, null),
            new AccountQuery("Ac", "ada", true, AccountSort.CREATED_DESC, 200, "200"),
            new AccountQuery("Ac", "ada", true, AccountSort.CREATED_DESC, 200, "400"));
  }

  @Test
  void oneAuditEntryPerExportWithFilterAndCount() throws IOException {
    FakeCrm crm = new FakeCrm(450, i -> FakeCrm.account("A" + i, null));

    crm.service()
        .export(
            ACTOR,
            request(ExportFormat.JSON, List.of("name", "id")),
            OutputStream.nullOutputStream());

    assertThat(crm.audits).hasSize(1);
    assertThat(crm.audits.get(0))
        .containsExactly(
            java.util.Map.entry("subject", "ACCOUNTS"),
            java.util.Map.entry("format", "JSON"),
            java.util.Map.entry(
                "filter", "namePrefix=Ac, owner=ada, includeArchived=true, sort=CREATED_DESC"),
            java.util.Map.entry("columns", "name,id"),
            java.util.Map.entry("count", "450"),
            java.util.Map.entry("complete", "true"));
  }

  @Test
  void aFailedWriteIsAuditedWithWhatWasWritten() {
    FakeCrm crm = new FakeCrm(450, i -> FakeCrm.account("A" + i, null));
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("client went away");
          }
        };

    assertThatThrownBy(
            () -> crm.service().export(ACTOR, request(ExportFormat.CSV, List.of()), broken))
        .isInstanceOf(IOException.class);
    assertThat(crm.audits)
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("complete", "false"));
  }

  @Test
  void unknownColumnsAreRefusedBeforeAnythingIsReadOrWritten() {
    FakeCrm crm = new FakeCrm(3, i -> FakeCrm.account("A" + i, null));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(
            () ->
                crm.service()
                    .export(ACTOR, request(ExportFormat.CSV, List.of("name", "shoeSize")), out))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errors())
                    .singleElement()
                    .satisfies(
                        f -> {
                          assertThat(f.field()).isEqualTo("columns");
                          assertThat(f.message()).contains("shoeSize");
                        }));
    assertThatThrownBy(
            () -> crm.service().check(ACTOR, request(ExportFormat.XLSX, List.of("name", "name"))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> crm.service().check(ACTOR, request(ExportFormat.VCARD, List.of("name"))))
        .isInstanceOf(ValidationException.class);
    assertThat(out.size()).isZero();
    assertThat(crm.pagesServed).isZero();
    assertThat(crm.audits).isEmpty();
  }

  @Test
  void checkAsksTheListForOneRecord() {
    FakeCrm crm = new FakeCrm(3, i -> FakeCrm.account("A" + i, null));

    crm.service().check(ACTOR, request(ExportFormat.CSV, List.of()));

    assertThat(crm.queries)
        .containsExactly(new AccountQuery("Ac", "ada", true, AccountSort.CREATED_DESC, 1, null));
  }

  @Test
  void theDefaultColumnsComeFirstAndFinanceIsOptionalToSelect() {
    ExportServiceImpl s = new FakeCrm(List.of()).service();

    assertThat(s.columns(ExportSubject.ACCOUNTS))
        .startsWith(s.defaultColumns(ExportSubject.ACCOUNTS).toArray(String[]::new));
    assertThat(s.defaultColumns(ExportSubject.ACCOUNTS))
        .contains("openReceivables")
        .doesNotContain("version");
    assertThat(s.defaultColumns(ExportSubject.CONTACTS))
        .startsWith("id", "accountId", "accountName", "firstName", "lastName");
  }

  @Test
  void formatTokens() {
    assertThat(ExportFormat.fromToken(" XLSX ")).contains(ExportFormat.XLSX);
    assertThat(ExportFormat.fromToken("vcf")).contains(ExportFormat.VCARD);
    assertThat(ExportFormat.fromToken("pdf")).isEmpty();
  }
}
