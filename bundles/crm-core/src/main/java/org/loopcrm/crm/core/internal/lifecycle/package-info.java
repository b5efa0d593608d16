/** Lifecycle rules: parsed from configuration, applied to purchase facts. No persistence here. */
package org.loopcrm.crm.core.internal.lifecycle;
