/** The route that runs ASYNC record-plugin jobs after commit. */
package org.loopcrm.crm.routes.internal.plugin;
