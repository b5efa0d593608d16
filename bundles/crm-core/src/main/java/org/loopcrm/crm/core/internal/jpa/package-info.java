/**
 * Everything that knows JPA and Hibernate: entities, the persistence unit's services and the schema
 * migration. Kept in one package so a move to Jakarta Persistence stays local.
 */
package org.loopcrm.crm.core.internal.jpa;
