/** Rules of merging duplicate parties. */
package org.loopcrm.crm.core.internal.merge;
