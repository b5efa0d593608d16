/** Who may do what: the permission matrix every service checks, and field-level protection. */
package org.loopcrm.crm.core.internal.security;
