package org.loopcrm.crm.rest.internal;

import org.loopcrm.crm.api.activity.ActivityService;
import org.loopcrm.crm.api.activity.NotificationService;
import org.loopcrm.crm.api.activity.TimelineService;

/**
 * The services behind activities, the timeline and notifications, passed as one argument so the
 * servlet's constructor grows by one parameter only.
 */
record ActivityServices(
    ActivityService activities, TimelineService timeline, NotificationService notifications) {}
