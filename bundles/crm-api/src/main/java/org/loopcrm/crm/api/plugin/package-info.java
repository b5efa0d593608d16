/**
 * The record plugin pipeline: plugins are whiteboard services that run at fixed stages of a record
 * operation, may change the target before it is stored, and may veto the operation.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.plugin;

import org.osgi.annotation.versioning.Version;
