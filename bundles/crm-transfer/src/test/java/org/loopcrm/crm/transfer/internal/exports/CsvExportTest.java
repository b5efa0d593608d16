package org.loopcrm.crm.transfer.internal.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loopcrm.crm.transfer.internal.exports.FakeCrm.ACTOR;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportSubject;
import org.loopcrm.crm.api.party.PostalAddress;

class CsvExportTest {

  private static String export(FakeCrm crm, List<String> columns, boolean bom) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    crm.service()
        .export(
            ACTOR,
            new ExportRequest(
                ExportSubject.ACCOUNTS, ExportFormat.CSV, AccountQuery.firstPage(50), columns, bom),
            out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static CSVParser parse(String csv) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv));
  }

  @Test
  void quotingUnicodeAndMechanismsSurviveTheRoundTrip() throws IOException {
    Account a = FakeCrm.account("Müller, \"Söhne\" & Co.\nZweigwerk 東京", FakeCrm.open("1234.50"));
    FakeCrm crm = new FakeCrm(List.of(a));
    crm.mechanisms.put(
        a.id(),
        List.of(
            FakeCrm.email(a.id(), a.id(), "info@müller.example"),
            FakeCrm.phone(a.id(), a.id(), "+4930123456"),
            FakeCrm.postal(
                a.id(), a.id(), new PostalAddress("Hauptstraße 1", "Köln", "50667", null, "DE"))));
    crm.tags.put(a.id(), List.of("gold", "partner"));

    String csv = export(crm, List.of(), false);

    assertThat(csv).doesNotStartWith("\uFEFF");
    try (CSVParser p = parse(csv)) {
      assertThat(p.getHeaderNames())
          .containsExactlyElementsOf(crm.service().defaultColumns(ExportSubject.ACCOUNTS));
      List<CSVRecord> records = p.getRecords();
      assertThat(records).hasSize(1);
      CSVRecord r = records.get(0);
      assertThat(r.get("name")).isEqualTo(a.name());
      assertThat(r.get("email")).isEqualTo("info@müller.example");
      assertThat(r.get("phone")).isEqualTo("+4930123456");
      assertThat(r.get("street")).isEqualTo("Hauptstraße 1");
      assertThat(r.get("city")).isEqualTo("Köln");
      assertThat(r.get("tags")).isEqualTo("gold; partner");
      assertThat(r.get("openReceivables")).isEqualTo("1234.50");
      assertThat(r.get("stage")).isEqualTo("CUSTOMER");
      assertThat(r.get("createdAt")).isEqualTo("2026-01-02T03:04:05Z");
      assertThat(r.get("region")).isEmpty();
    }
  }

  @Test
  void formulasAreDefusedButNumbersAndPhonesAreNot() throws IOException {
    Account formula = FakeCrm.account("=HYPERLINK(\"http://evil\")", FakeCrm.open("-12.5"));
    Account plus = FakeCrm.account("+SUM(A1:A9)", null);
    Account minus = FakeCrm.account("-2+3", null);
    Account at = FakeCrm.account("@cmd", null);
    Account tab = FakeCrm.account("\t=1", null);
    FakeCrm crm = new FakeCrm(List.of(formula, plus, minus, at, tab));
    crm.mechanisms.put(plus.id(), List.of(FakeCrm.phone(plus.id(), plus.id(), "+4930123456")));

    String csv = export(crm, List.of("name", "phone", "openReceivables"), false);

    try (CSVParser p = parse(csv)) {
      List<CSVRecord> r = p.getRecords();
      assertThat(r)
          .extracting(x -> x.get("name"))
          .containsExactly(
              "'=HYPERLINK(\"http://evil\")", "'+SUM(A1:A9)", "'-2+3", "'@cmd", "'\t=1");
      assertThat(r.get(0).get("openReceivables")).isEqualTo("-12.5");
      assertThat(r.get(1).get("phone")).isEqualTo("+4930123456");
    }
  }

  @Test
  void anEmptyListIsAHeaderOnlyAndTheBomIsOptional() throws IOException {
    String csv = export(new FakeCrm(List.of()), List.of("name", "id"), true);

    assertThat(csv).isEqualTo("\uFEFFname,id\r\n");
  }

  @Test
  void financeColumnsAreEmptyWhenTheListGivesNoReceivables() throws IOException {
    FakeCrm crm = new FakeCrm(List.of(FakeCrm.account("Acme", null)));

    String csv = export(crm, List.of("name", "openReceivables", "currency"), false);

    assertThat(csv).isEqualTo("name,openReceivables,currency\r\nAcme,,\r\n");
  }
}
