package org.loopcrm.crm.transfer.internal.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loopcrm.crm.transfer.internal.exports.FakeCrm.ACTOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportSubject;

class JsonExportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode export(FakeCrm crm, ExportSubject subject, List<String> columns)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    crm.service()
        .export(
            ACTOR,
            new ExportRequest(
                subject, ExportFormat.JSON, AccountQuery.firstPage(50), columns, false),
            out);
    return MAPPER.readTree(out.toByteArray());
  }

  @Test
  void anArrayOfTypedObjects() throws IOException {
    Account a = FakeCrm.account("Zürich \"AG\" \\ \u2603", FakeCrm.open("10.00"));
    Account b = FakeCrm.account("Nobody's", null);
    FakeCrm crm = new FakeCrm(List.of(a, b));
    crm.tags.put(a.id(), List.of("gold", "vip"));

    JsonNode json = export(crm, ExportSubject.ACCOUNTS, List.of());

    assertThat(json.isArray()).isTrue();
    assertThat(json).hasSize(2);
    assertThat(json.get(0).get("name").asText()).isEqualTo(a.name());
    assertThat(json.get(0).get("openReceivables").isNumber()).isTrue();
    assertThat(json.get(0).get("openReceivables").decimalValue()).isEqualByComparingTo("10.00");
    assertThat(json.get(0).get("tags")).extracting(JsonNode::asText).containsExactly("gold", "vip");
    assertThat(json.get(1).get("openReceivables").isNull()).isTrue();
    assertThat(json.get(1).get("tags")).isEmpty();
    assertThat(json.get(1).get("email").isNull()).isTrue();
  }

  @Test
  void contactsWithSelectedColumns() throws IOException {
    Account a = FakeCrm.account("Acme", null);
    FakeCrm crm = new FakeCrm(List.of(a));
    var ada = FakeCrm.contact(a.id(), "Ada", "Lovelace", "ada@old.example");
    var bob = FakeCrm.contact(a.id(), "Bob", "Ørsted", null);
    crm.contacts.put(a.id(), List.of(ada, bob));
    crm.mechanisms.put(ada.id(), List.of(FakeCrm.email(ada.id(), a.id(), "ada@acme.example")));

    JsonNode json =
        export(crm, ExportSubject.CONTACTS, List.of("lastName", "email", "accountName"));

    assertThat(json).hasSize(2);
    assertThat(json.get(0).toString())
        .isEqualTo(
            "{\"lastName\":\"Lovelace\",\"email\":\"ada@acme.example\",\"accountName\":\"Acme\"}");
    assertThat(json.get(1).get("lastName").asText()).isEqualTo("Ørsted");
    assertThat(json.get(1).get("email").isNull()).isTrue();
  }

  @Test
  void anEmptyListIsAnEmptyArray() throws IOException {
    assertThat(export(new FakeCrm(List.of()), ExportSubject.ACCOUNTS, List.of()).toString())
        .isEqualTo("[]");
  }
}
