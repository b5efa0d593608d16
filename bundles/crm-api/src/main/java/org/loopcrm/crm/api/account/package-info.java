/** Accounts (organization parties in a customer or prospect role) and their contacts. */
@Version("1.2.0")
package org.loopcrm.crm.api.account;

import org.osgi.annotation.versioning.Version;
