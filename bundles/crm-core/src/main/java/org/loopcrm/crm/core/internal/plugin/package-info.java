/** The record plugin pipeline: collects RecordPlugin services and runs them at each stage. */
package org.loopcrm.crm.core.internal.plugin;
