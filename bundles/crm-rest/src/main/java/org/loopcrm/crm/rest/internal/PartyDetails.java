package org.loopcrm.crm.rest.internal;

import java.util.UUID;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.rest.internal.PartyDtos.MechanismBody;
import org.loopcrm.crm.rest.internal.PartyDtos.MechanismList;
import org.loopcrm.crm.rest.internal.PartyDtos.MechanismView;
import org.loopcrm.crm.rest.internal.PartyDtos.RefBody;
import org.loopcrm.crm.rest.internal.PartyDtos.RefList;
import org.loopcrm.crm.rest.internal.PartyDtos.RefView;
import org.loopcrm.crm.rest.internal.PartyDtos.RoleBody;
import org.loopcrm.crm.rest.internal.PartyDtos.RoleList;
import org.loopcrm.crm.rest.internal.PartyDtos.RoleView;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ConsentBody;

/**
 * The operations the account-level and the contact-level detail resources share: each resource
 * turns its path into a {@link PartyKey} and calls here.
 */
final class PartyDetails {
  private final PartyService parties;

  PartyDetails(PartyService parties) {
    this.parties = parties;
  }

  static PartyKey key(String id, String contactId) {
    UUID account = Ids.parse("account", id);
    return contactId == null
        ? PartyKey.account(account)
        : PartyKey.contact(account, Ids.parse("contact", contactId));
  }

  MechanismList mechanisms(SecurityContext sc, PartyKey key) {
    return new MechanismList(
        parties.mechanisms(Actors.of(sc), key).stream().map(MechanismView::of).toList());
  }

  Response mechanism(SecurityContext sc, PartyKey key, String mechanismId) {
    return ok(
        parties.mechanism(Actors.of(sc), key, Ids.parse("contact mechanism", mechanismId)), 200);
  }

  Response addMechanism(SecurityContext sc, PartyKey key, MechanismBody body) {
    return ok(parties.addMechanism(Actors.of(sc), key, body == null ? null : body.toDraft()), 201);
  }

  Response updateMechanism(
      SecurityContext sc,
      HttpHeaders headers,
      PartyKey key,
      String mechanismId,
      MechanismBody body) {
    UUID id = Ids.parse("contact mechanism", mechanismId);
    long version = Etags.requiredVersion(headers);
    return ok(
        parties.updateMechanism(
            Actors.of(sc), key, id, version, body == null ? null : body.toDraft()),
        200);
  }

  Response removeMechanism(
      SecurityContext sc, HttpHeaders headers, PartyKey key, String mechanismId) {
    UUID id = Ids.parse("contact mechanism", mechanismId);
    parties.removeMechanism(Actors.of(sc), key, id, Etags.requiredVersion(headers));
    return Response.noContent().build();
  }

  Response recordConsent(SecurityContext sc, PartyKey key, String mechanismId, ConsentBody body) {
    Actor actor = Actors.of(sc);
    UUID id = Ids.parse("contact mechanism", mechanismId);
    return ok(
        parties.recordConsent(
            actor,
            key,
            id,
            (body == null ? new ConsentBody(null, null, null, null, null) : body).toDraft()),
        201);
  }

  RoleList roles(SecurityContext sc, PartyKey key) {
    return new RoleList(parties.roles(Actors.of(sc), key).stream().map(RoleView::of).toList());
  }

  Response addRole(SecurityContext sc, PartyKey key, RoleBody body) {
    RoleView v =
        RoleView.of(parties.addRole(Actors.of(sc), key, body == null ? null : body.toDraft()));
    return Response.status(Response.Status.CREATED).entity(v).build();
  }

  Response removeRole(SecurityContext sc, PartyKey key, String roleId) {
    parties.removeRole(Actors.of(sc), key, Ids.parse("party role", roleId));
    return Response.noContent().build();
  }

  RefList refs(SecurityContext sc, PartyKey key) {
    return new RefList(parties.externalRefs(Actors.of(sc), key).stream().map(RefView::of).toList());
  }

  Response addRef(SecurityContext sc, PartyKey key, RefBody body) {
    RefView v =
        RefView.of(
            parties.addExternalRef(Actors.of(sc), key, body == null ? null : body.toDraft()));
    return Response.status(Response.Status.CREATED).entity(v).build();
  }

  Response removeRef(SecurityContext sc, PartyKey key, String refId) {
    parties.removeExternalRef(Actors.of(sc), key, Ids.parse("external reference", refId));
    return Response.noContent().build();
  }

  private static Response ok(ContactMechanism m, int status) {
    return Response.status(status).tag(Etags.of(m.version())).entity(MechanismView.of(m)).build();
  }
}
