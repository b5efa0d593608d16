package org.loopcrm.crm.api.account;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;

/**
 * Accounts and their contacts. Each call is one database transaction; every change also writes an
 * event to the outbox in that transaction. Calls check the actor's permissions and throw {@link
 * AccessDeniedException}; they throw {@link ValidationException} for bad input, {@link
 * NotFoundException} for unknown ids, {@link StaleVersionException} when {@code expectedVersion} is
 * not current and {@link ConflictException} for a duplicate ERP reference or a refused transition.
 */
public interface AccountService {

  /** Creates an account. */
  Account create(Actor actor, AccountDraft draft);

  /** Reads an account. */
  Account get(Actor actor, UUID id);

  /** Lists accounts, one page at a time. */
  Page<Account> list(Actor actor, AccountQuery query);

  /** Replaces the caller-set fields of an account that is at {@code expectedVersion}. */
  Account update(Actor actor, UUID id, long expectedVersion, AccountDraft draft);

  /** Archives an account: it becomes read-only and leaves default listings. */
  Account archive(Actor actor, UUID id, long expectedVersion);

  /** Brings an archived account back into use. */
  Account restore(Actor actor, UUID id, long expectedVersion);

  /** Deletes an archived account and its contacts for good; admins only. */
  void delete(Actor actor, UUID id, long expectedVersion);

  /** Adds a contact to an active account. */
  Contact addContact(Actor actor, UUID accountId, ContactDraft draft);

  /** The contacts of an account, by last and first name. */
  List<Contact> contacts(Actor actor, UUID accountId);

  /** Reads one contact of an account. */
  Contact contact(Actor actor, UUID accountId, UUID contactId);

  /** Replaces the fields of a contact that is at {@code expectedVersion}. */
  Contact updateContact(
      Actor actor, UUID accountId, UUID contactId, long expectedVersion, ContactDraft draft);

  /** Removes a contact from an account and deletes the person. */
  void removeContact(Actor actor, UUID accountId, UUID contactId, long expectedVersion);
}
