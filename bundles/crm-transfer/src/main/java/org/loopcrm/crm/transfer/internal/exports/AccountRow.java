package org.loopcrm.crm.transfer.internal.exports;

import java.util.List;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.party.ContactMechanism;

/**
 * An account with the details an export writes.
 *
 * @param account the account, as the list shows it to the caller
 * @param mechanisms its contact mechanisms by kind, primary first (empty if no column needs them)
 * @param tags its tags (empty if no column needs them)
 */
record AccountRow(Account account, List<ContactMechanism> mechanisms, List<String> tags) {}
