/** A closed-loop REST load driver that measures the CRM against a trivial endpoint in one run. */
package org.loopcrm.crm.bench;
