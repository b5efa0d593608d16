package org.loopcrm.crm.transfer.internal.exports;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Address;
import ezvcard.property.Kind;
import ezvcard.property.StructuredName;
import ezvcard.property.Uid;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.PostalAddress;

/**
 * vCard 4.0 (RFC 6350), UTF-8, one card per record: a contact is an individual with its name, title
 * and account as ORG; an account is a {@code KIND:org} card with its tags as CATEGORIES. Every
 * contact mechanism becomes a property, the primary one of each kind first with {@code PREF=1}; the
 * UID is the record's id as a {@code urn:uuid}.
 */
final class VcardSink<R> implements Sink<R> {
  private final Function<R, VCard> toCard;
  private final VCardWriter writer;

  VcardSink(OutputStream out, Function<R, VCard> toCard) {
    this.toCard = toCard;
    this.writer =
        new VCardWriter(
            new BufferedOutputStream(new NonClosingOutputStream(out)), VCardVersion.V4_0);
    writer.setAddProdId(false);
  }

  /** A card for an account. */
  static VCard account(AccountRow row) {
    Account a = row.account();
    VCard card = new VCard();
    card.setKind(Kind.org());
    card.setUid(new Uid("urn:uuid:" + a.id()));
    card.setFormattedName(a.name());
    card.setOrganization(a.name());
    mechanisms(card, row.mechanisms());
    if (!row.tags().isEmpty()) {
      card.setCategories(row.tags().toArray(String[]::new));
    }
    card.setRevision(a.updatedAt());
    return card;
  }

  /** A card for a contact. */
  static VCard contact(ContactRow row) {
    Contact c = row.contact();
    VCard card = new VCard();
    card.setKind(Kind.individual());
    card.setUid(new Uid("urn:uuid:" + c.id()));
    StructuredName n = new StructuredName();
    n.setFamily(c.lastName());
    n.setGiven(c.firstName());
    card.setStructuredName(n);
    card.setFormattedName(
        String.join(
            " ",
            java.util.stream.Stream.of(c.firstName(), c.lastName())
                .filter(s -> s != null && !s.isBlank())
                .toList()));
    card.setOrganization(row.account().name());
    if (c.title() != null) {
      card.addTitle(c.title());
    }
    mechanisms(card, row.mechanisms());
    if (c.email() != null && Columns.primary(row.mechanisms(), MechanismKind.EMAIL) == null) {
      card.addEmail(c.email());
    }
    if (c.phone() != null && Columns.primary(row.mechanisms(), MechanismKind.PHONE) == null) {
      card.addTelephoneNumber(c.phone());
    }
    card.setRevision(c.updatedAt());
    return card;
  }

  private static void mechanisms(VCard card, List<ContactMechanism> mechanisms) {
    MechanismKind previous = null;
    for (ContactMechanism m : mechanisms) {
      // The service lists the primary of each kind first.
      Integer pref = m.kind() != previous ? 1 : null;
      previous = m.kind();
      switch (m.kind()) {
        case EMAIL -> card.addEmail(m.value()).setPref(pref);
        case PHONE -> card.addTelephoneNumber(m.value()).setPref(pref);
        case WEB -> card.addUrl(m.value()).setPref(pref);
        case SOCIAL -> {
          // RFC 6350 has no social profile property; X-SOCIALPROFILE is what address books read.
          var social = card.addExtendedProperty("X-SOCIALPROFILE", m.value());
          if (m.network() != null) {
            social.setParameter("TYPE", m.network());
          }
        }
        case POSTAL -> card.addAddress(address(m.address(), pref));
        default -> {
          // a kind this version does not know: left out
        }
      }
    }
  }

  private static Address address(PostalAddress p, Integer pref) {
    Address adr = new Address();
    if (p != null) {
      adr.setStreetAddress(p.street());
      adr.setLocality(p.city());
      adr.setPostalCode(p.postalCode());
      adr.setRegion(p.region());
      adr.setCountry(p.country());
    }
    adr.setPref(pref);
    return adr;
  }

  @Override
  public void write(R row) throws IOException {
    writer.write(toCard.apply(row));
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }

  @Override
  public void finish() throws IOException {
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
