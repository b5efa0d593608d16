/**
 * Merging duplicate parties: two or more accounts, or two or more contacts, become one survivor,
 * field by field; every child record is re-linked, the merge is audited and can be undone.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.merge;

import org.osgi.annotation.versioning.Version;
