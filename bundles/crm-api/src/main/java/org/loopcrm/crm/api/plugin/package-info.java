/**
 * The record plugin pipeline: plugins are whiteboard services that run at fixed stages of a record
 * operation, may change the target before it is stored, may veto the operation, or run after commit
 * in the background ({@link org.loopcrm.crm.api.plugin.Stage#ASYNC}).
 */
@Version("1.1.0")
package org.loopcrm.crm.api.plugin;

import org.osgi.annotation.versioning.Version;
