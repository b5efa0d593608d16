/** The route that delivers webhooks: signed HTTP POSTs with retries. Not exported. */
package org.loopcrm.crm.routes.internal.webhook;
