/** A small JSON writer for event payloads, so the core needs no JSON library. */
package org.loopcrm.crm.core.internal.json;
