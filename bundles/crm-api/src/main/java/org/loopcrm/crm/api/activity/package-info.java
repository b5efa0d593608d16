/**
 * Interactions and activities (calls, e-mails, meetings, chats, social messages, web visits,
 * letters, notes, tasks) on accounts and contacts, task reminders and their notifications, and the
 * 360° timeline that merges activities with every other dated fact the CRM holds.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.activity;

import org.osgi.annotation.versioning.Version;
