/** Karaf shell commands of the CRM; nothing here is exported. */
package org.loopcrm.crm.shell.internal;
