/** Webhook rules without persistence: validation, event-type matching, back-off, cursors. */
package org.loopcrm.crm.core.internal.webhook;
