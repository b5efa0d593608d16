/** Operations of the routes: figures per route, dead letters, retry and replay. */
package org.loopcrm.crm.routes.internal.ops;
