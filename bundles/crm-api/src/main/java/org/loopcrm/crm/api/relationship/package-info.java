/**
 * Relationships between parties after the party pattern: an account's parent (subsidiary of),
 * partners, and the contacts of an account; with the account hierarchy they span and its roll-ups.
 * A relationship is never deleted: ending it sets its thru date, so the history stays.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.relationship;

import org.osgi.annotation.versioning.Version;
