/** Validation of custom field definitions and the typing of their values. */
package org.loopcrm.crm.core.internal.customfield;
