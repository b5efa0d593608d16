package org.loopcrm.crm.core.internal.jpa;

import java.sql.SQLException;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import org.loopcrm.crm.api.ConcurrentChangeException;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.CrmException;

/**
 * Runs work in one resource-local transaction: commit on return, roll back on any exception. The
 * persistence unit is RESOURCE_LOCAL, so a service call's changes and its outbox rows commit on one
 * JDBC connection, together or not at all.
 */
final class Transactions {
  private final EntityManagerFactory emf;

  Transactions(EntityManagerFactory emf) {
    this.emf = emf;
  }

  <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      throw translate(e);
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  <T> T readOnly(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      return work.apply(em);
    } finally {
      em.close();
    }
  }

  /** Turns persistence failures that are the caller's doing into CRM exceptions. */
  private static RuntimeException translate(RuntimeException e) {
    if (e instanceof CrmException) {
      return e;
    }
    if (e instanceof OptimisticLockException || causedBy(e, OptimisticLockException.class)) {
      return new ConcurrentChangeException(
          "the record was changed by someone else at the same time: read it again and repeat");
    }
    if (e instanceof PersistenceException && isUniqueViolation(e)) {
      return new ConflictException("a record with the same unique key exists already");
    }
    return e;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** SQLState 23505 is a unique violation on PostgreSQL and H2 alike. */
  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
