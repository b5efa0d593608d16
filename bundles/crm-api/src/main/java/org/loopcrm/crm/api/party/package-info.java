/**
 * The party model's details (standard party pattern): contact mechanisms with purposes and their
 * consents, party roles with from/thru dates, ERP external references and tags, on accounts
 * (organization parties) and their contacts (person parties).
 */
@Version("1.0.0")
package org.loopcrm.crm.api.party;

import org.osgi.annotation.versioning.Version;
