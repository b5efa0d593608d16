/**
 * The account rules that do not depend on storage: validation, transitions, permissions, cursors.
 */
package org.loopcrm.crm.core.internal.account;
