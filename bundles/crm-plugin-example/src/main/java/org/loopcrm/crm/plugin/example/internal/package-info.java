/** An example record plugin bundle; nothing here is exported. */
package org.loopcrm.crm.plugin.example.internal;
