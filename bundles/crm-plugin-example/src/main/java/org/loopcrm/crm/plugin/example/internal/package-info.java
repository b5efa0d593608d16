/** Example record plugins (a veto before validation, an ASYNC follow-up); nothing is exported. */
package org.loopcrm.crm.plugin.example.internal;
