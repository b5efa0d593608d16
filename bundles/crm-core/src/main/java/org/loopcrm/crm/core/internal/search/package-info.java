/** The database-independent half of search: query words, matching and scoring. */
package org.loopcrm.crm.core.internal.search;
