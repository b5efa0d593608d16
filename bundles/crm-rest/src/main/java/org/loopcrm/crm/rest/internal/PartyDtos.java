package org.loopcrm.crm.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.ExternalRef;
import org.loopcrm.crm.api.party.ExternalRefDraft;
import org.loopcrm.crm.api.party.MechanismConsent;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyRole;
import org.loopcrm.crm.api.party.PartyRoleDraft;
import org.loopcrm.crm.api.party.PostalAddress;
import org.loopcrm.crm.api.party.RoleType;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentStatus;

/** The JSON shapes of party details: contact mechanisms, roles, external references, tags. */
final class PartyDtos {
  private PartyDtos() {}

  /** A postal address. */
  record AddressBody(String street, String city, String postalCode, String region, String country) {
    PostalAddress toAddress() {
      return new PostalAddress(street, city, postalCode, region, country);
    }

    static AddressBody of(PostalAddress a) {
      return a == null
          ? null
          : new AddressBody(a.street(), a.city(), a.postalCode(), a.region(), a.country());
    }
  }

  /** Request body of a contact mechanism. */
  record MechanismBody(
      MechanismKind kind,
      String value,
      String network,
      String phoneRegion,
      AddressBody address,
      Set<MechanismPurpose> purposes,
      String validFrom,
      String validThru) {
    ContactMechanismDraft toDraft() {
      return new ContactMechanismDraft(
          kind,
          value,
          network,
          phoneRegion,
          address == null ? null : address.toAddress(),
          purposes,
          Params.date("validFrom", validFrom),
          Params.date("validThru", validThru));
    }
  }

  /** A current consent on a mechanism. */
  record MechanismConsentView(
      UUID decisionId,
      String purpose,
      ConsentChannel channel,
      ConsentStatus status,
      String source,
      String at,
      UUID mechanismId) {
    static MechanismConsentView of(MechanismConsent c) {
      return new MechanismConsentView(
          c.decisionId(),
          c.purpose(),
          c.channel(),
          c.status(),
          c.source(),
          text(c.at()),
          c.mechanismId());
    }
  }

  /** A contact mechanism as the API shows it. */
  record MechanismView(
      UUID id,
      UUID partyId,
      UUID accountId,
      MechanismKind kind,
      String value,
      String network,
      AddressBody address,
      List<MechanismPurpose> purposes,
      String validFrom,
      String validThru,
      List<MechanismConsentView> consents,
      long version,
      String createdAt,
      String updatedAt) {
    static MechanismView of(ContactMechanism m) {
      return new MechanismView(
          m.id(),
          m.partyId(),
          m.accountId(),
          m.kind(),
          m.value(),
          m.network(),
          AddressBody.of(m.address()),
          m.purposes().stream().sorted().toList(),
          text(m.validFrom()),
          text(m.validThru()),
          m.consents().stream().map(MechanismConsentView::of).toList(),
          m.version(),
          text(m.createdAt()),
          text(m.updatedAt()));
    }
  }

  /** The mechanisms of a party. */
  record MechanismList(List<MechanismView> items) {}

  /** Request body of a role. */
  record RoleBody(RoleType role, String fromDate, String thruDate) {
    PartyRoleDraft toDraft() {
      return new PartyRoleDraft(
          role, Params.date("fromDate", fromDate), Params.date("thruDate", thruDate));
    }
  }

  /** A role as the API shows it. */
  record RoleView(
      UUID id,
      UUID partyId,
      UUID accountId,
      RoleType role,
      String fromDate,
      String thruDate,
      String createdAt) {
    static RoleView of(PartyRole r) {
      return new RoleView(
          r.id(),
          r.partyId(),
          r.accountId(),
          r.role(),
          text(r.fromDate()),
          text(r.thruDate()),
          text(r.createdAt()));
    }
  }

  /** The roles of a party. */
  record RoleList(List<RoleView> items) {}

  /** Request body of an external reference. */
  record RefBody(String system, String externalId) {
    ExternalRefDraft toDraft() {
      return new ExternalRefDraft(system, externalId);
    }
  }

  /** An external reference as the API shows it. */
  record RefView(
      UUID id,
      UUID partyId,
      UUID accountId,
      boolean contact,
      String system,
      String externalId,
      String createdAt) {
    static RefView of(ExternalRef r) {
      return new RefView(
          r.id(),
          r.partyId(),
          r.accountId(),
          r.contact(),
          r.system(),
          r.externalId(),
          text(r.createdAt()));
    }
  }

  /** The external references of a party. */
  record RefList(List<RefView> items) {}

  /** Request body of a tag. */
  record TagBody(String tag) {}

  /** The tags of a party. */
  record TagList(List<String> items) {}

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  private static String text(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
