package org.loopcrm.crm.transfer.internal.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loopcrm.crm.transfer.internal.exports.FakeCrm.ACTOR;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportSubject;
import org.loopcrm.crm.api.party.PostalAddress;

class VcardExportTest {

  private static String export(FakeCrm crm, ExportSubject subject) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    crm.service()
        .export(
            ACTOR,
            new ExportRequest(
                subject, ExportFormat.VCARD, AccountQuery.firstPage(50), List.of(), false),
            out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void oneVersionFourCardPerContact() throws IOException {
    Account a = FakeCrm.account("Société Générale; Paris, \"Nord\"", null);
    FakeCrm crm = new FakeCrm(List.of(a));
    Contact ada = FakeCrm.contact(a.id(), "Ada", "Łovelace", null);
    Contact bob = FakeCrm.contact(a.id(), "Bob", "Smith", "bob@example.org");
    crm.contacts.put(a.id(), List.of(ada, bob));
    crm.mechanisms.put(
        ada.id(),
        List.of(
            FakeCrm.email(ada.id(), a.id(), "ada@example.org"),
            FakeCrm.email(ada.id(), a.id(), "ada@home.example"),
            FakeCrm.phone(ada.id(), a.id(), "+4930123456"),
            FakeCrm.postal(
                ada.id(),
                a.id(),
                new PostalAddress("Rue 1\nBât. B", "Paris", "75001", null, "FR"))));

    String text = export(crm, ExportSubject.CONTACTS);
    List<VCard> cards = Ezvcard.parse(text).all();

    assertThat(text).contains("VERSION:4.0");
    assertThat(cards).hasSize(2);
    VCard first = cards.get(0);
    assertThat(first.getVersion()).isEqualTo(VCardVersion.V4_0);
    assertThat(first.getKind().isIndividual()).isTrue();
    assertThat(first.getUid().getValue()).isEqualTo("urn:uuid:" + ada.id());
    assertThat(first.getStructuredName().getFamily()).isEqualTo("Łovelace");
    assertThat(first.getFormattedName().getValue()).isEqualTo("Ada Łovelace");
    assertThat(first.getOrganization().getValues()).containsExactly(a.name());
    assertThat(first.getTitles().get(0).getValue()).isEqualTo("CTO");
    assertThat(first.getEmails())
        .extracting(e -> e.getValue())
        .containsExactly("ada@example.org", "ada@home.example");
    assertThat(first.getEmails().get(0).getPref()).isEqualTo(1);
    assertThat(first.getEmails().get(1).getPref()).isNull();
    assertThat(first.getTelephoneNumbers().get(0).getText()).isEqualTo("+4930123456");
    assertThat(first.getAddresses().get(0).getStreetAddress()).isEqualTo("Rue 1\nBât. B");
    assertThat(first.getAddresses().get(0).getCountry()).isEqualTo("FR");
    // A contact without an e-mail mechanism keeps its own e-mail field.
    assertThat(cards.get(1).getEmails())
        .extracting(e -> e.getValue())
        .containsExactly("bob@example.org");
  }

  @Test
  void accountsAreOrganisationCardsWithTheirTags() throws IOException {
    Account a = FakeCrm.account("Acme", null);
    FakeCrm crm = new FakeCrm(List.of(a));
    crm.tags.put(a.id(), List.of("gold", "partner"));
    crm.mechanisms.put(a.id(), List.of(FakeCrm.email(a.id(), a.id(), "info@acme.example")));

    List<VCard> cards = Ezvcard.parse(export(crm, ExportSubject.ACCOUNTS)).all();

    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).getKind().getValue()).isEqualTo(Kind.ORG);
    assertThat(cards.get(0).getFormattedName().getValue()).isEqualTo("Acme");
    assertThat(cards.get(0).getCategories().getValues()).containsExactly("gold", "partner");
    assertThat(cards.get(0).getEmails().get(0).getValue()).isEqualTo("info@acme.example");
  }

  @Test
  void anEmptyListIsAnEmptyFile() throws IOException {
    assertThat(export(new FakeCrm(List.of()), ExportSubject.CONTACTS)).isEmpty();
  }
}
