package org.loopcrm.crm.api.party;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.privacy.ConsentDraft;

/**
 * The details of accounts and their contacts: contact mechanisms, roles, external references and
 * tags. Every call checks the role matrix and the account's record-level access: details of an
 * account the actor does not see are not found, writes need write access to the account. Every
 * change is audited and emits an event in the same transaction. Invalid input throws {@code
 * ValidationException}, unknown ids {@code NotFoundException}, stale versions {@code
 * StaleVersionException}, clashes with unique keys {@code ConflictException}.
 */
public interface PartyService {

  /** The party's contact mechanisms, by kind, primary first. */
  List<ContactMechanism> mechanisms(Actor actor, PartyKey party);

  /** One contact mechanism of the party. */
  ContactMechanism mechanism(Actor actor, PartyKey party, UUID mechanismId);

  /**
   * Adds a contact mechanism, validated and normalised. A second {@code PRIMARY} of the same kind
   * on the party is a conflict: demote the first one before.
   */
  ContactMechanism addMechanism(Actor actor, PartyKey party, ContactMechanismDraft draft);

  /** Replaces a contact mechanism; the kind cannot change. */
  ContactMechanism updateMechanism(
      Actor actor, PartyKey party, UUID mechanismId, long expectedVersion, ContactMechanismDraft d);

  /** Removes a contact mechanism; the consent decisions given for it stay in the register. */
  void removeMechanism(Actor actor, PartyKey party, UUID mechanismId, long expectedVersion);

  /**
   * Records a consent decision in the consent register for a contact's mechanism: the decision
   * names the mechanism. A null channel is the mechanism's own ({@code EMAIL}, {@code PHONE},
   * {@code POST}, {@code MESSAGING} for social handles); web addresses take no consent.
   *
   * @return the mechanism with its current consents
   */
  ContactMechanism recordConsent(Actor actor, PartyKey party, UUID mechanismId, ConsentDraft draft);

  /** The party's roles, by from date. */
  List<PartyRole> roles(Actor actor, PartyKey party);

  /** Gives the party a role; the same role overlapping an existing period is a conflict. */
  PartyRole addRole(Actor actor, PartyKey party, PartyRoleDraft draft);

  /** Removes a role of the party. */
  void removeRole(Actor actor, PartyKey party, UUID roleId);

  /** The party's external references, by system and id. */
  List<ExternalRef> externalRefs(Actor actor, PartyKey party);

  /** Adds an external reference; one held by any party already is a conflict. */
  ExternalRef addExternalRef(Actor actor, PartyKey party, ExternalRefDraft draft);

  /** Removes an external reference of the party. */
  void removeExternalRef(Actor actor, PartyKey party, UUID refId);

  /**
   * The reference with this system and id, for an ERP looking up its party; not found if there is
   * none or its account is not visible to the actor.
   */
  ExternalRef findByExternalRef(Actor actor, String system, String externalId);

  /** The party's tags, lower-cased, sorted. */
  List<String> tags(Actor actor, PartyKey party);

  /** Adds a tag (a no-op if the party has it already, in any case); returns the tags. */
  List<String> addTag(Actor actor, PartyKey party, String tag);

  /** Removes a tag; not found if the party does not have it. Returns the tags. */
  List<String> removeTag(Actor actor, PartyKey party, String tag);

  /** The accounts the actor sees with a role and/or a tag. */
  Page<Account> accounts(Actor actor, PartyFilter filter);
}
