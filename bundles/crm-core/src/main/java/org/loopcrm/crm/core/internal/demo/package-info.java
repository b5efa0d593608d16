/** Demo data for the README's run command. */
package org.loopcrm.crm.core.internal.demo;
