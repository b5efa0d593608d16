package org.loopcrm.crm.api.privacy;

import java.util.UUID;

/**
 * An account a data subject is a contact of.
 *
 * @param accountId the account's id
 * @param name the account's name
 * @param erpRef the account's ERP reference, or null
 * @param title the person's title at the account, or null
 */
public record SubjectAccount(UUID accountId, String name, String erpRef, String title) {}
