/** Validation and normalisation of party details: contact mechanisms, roles, references, tags. */
package org.loopcrm.crm.core.internal.party;
