/** Activity rules and the timeline cursor, free of persistence. */
package org.loopcrm.crm.core.internal.activity;
