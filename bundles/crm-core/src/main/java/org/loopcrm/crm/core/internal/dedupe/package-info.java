/**
 * Duplicate detection: normalisers, match rules, blocking keys, scoring and union-find clustering.
 * Pure Java (plus commons-text's Jaro-Winkler and libphonenumber); the online check, the database
 * scan and the bench all run this engine (decisions.md §18).
 */
package org.loopcrm.crm.core.internal.dedupe;
