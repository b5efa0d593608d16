/** Privacy rules: valid consent decisions, the placeholder of erased data, erasure-list cursors. */
package org.loopcrm.crm.core.internal.privacy;
