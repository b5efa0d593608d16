/** Audit history without persistence: record images, field diffs and history cursors. */
package org.loopcrm.crm.core.internal.audit;
