/**
 * Record-level access: teams, the manager hierarchy and explicit shares, which decide who sees and
 * changes which record on top of the role permissions.
 *
 * <p>Who may see an account (unless the administrator opened accounts to everyone with the {@code
 * accountAccess} key of PID {@code crm.core}): {@code crm-admin} and {@code crm-integration} see
 * every record; everybody else sees the records they own, the records owned by members of their
 * teams, the records owned by the people who report to them (directly or further down), and the
 * records shared with them or with one of their teams. Contacts and audit history follow their
 * account.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.access;

import org.osgi.annotation.versioning.Version;
