package org.loopcrm.crm.transfer.internal.exports;

import java.util.List;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.party.ContactMechanism;

/**
 * A contact with its account and the details an export writes.
 *
 * @param contact the contact
 * @param account its account
 * @param mechanisms its contact mechanisms by kind, primary first (empty if no column needs them)
 */
record ContactRow(Contact contact, Account account, List<ContactMechanism> mechanisms) {}
