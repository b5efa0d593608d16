package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.persistence.EntityManager;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Search on PostgreSQL, the production database (embedded binaries), plus what only PostgreSQL has:
 * the pg_trgm extension and the indexes of changelog 0011, which the search's own predicates can
 * use.
 */
class PostgresSearchTest extends SearchContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }

  @Test
  void theChangelogCreatesTrigramAndFullTextIndexesThatSearchCanUse() {
    EntityManager em = emf.createEntityManager();
    try {
      assertThat(
              em.createNativeQuery("select extname from pg_extension where extname = 'pg_trgm'")
                  .getResultList())
          .hasSize(1);
      @SuppressWarnings("unchecked")
      List<String> indexes =
          em.createNativeQuery(
                  "select indexname from pg_indexes where indexname like 'ix_search_%'"
                      + " order by indexname")
              .getResultList();
      assertThat(indexes)
          .containsExactly(
              "ix_search_mechanism_value",
              "ix_search_organization_name",
              "ix_search_person_email",
              "ix_search_person_name");
      em.getTransaction().begin();
      em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
      String names =
          plan(
              em,
              "explain select o.party_id from crm_organization o where"
                  + " to_tsvector('simple', o.name) @@ to_tsquery('simple', 'acme:*')");
      String mechanisms =
          plan(
              em,
              "explain select m.id from crm_contact_mechanism m where lower(coalesce(m.mech_value,"
                  + " '') || ' ' || coalesce(m.street, '') || ' ' || coalesce(m.postal_code, '')"
                  + " || ' ' || coalesce(m.city, '') || ' ' || coalesce(m.region, '') || ' ' ||"
                  + " coalesce(m.country, '')) like '%acme%'");
      em.getTransaction().rollback();
      assertThat(names).contains("ix_search_organization_name");
      assertThat(mechanisms).contains("ix_search_mechanism_value");
    } finally {
      em.close();
    }
  }

  private static String plan(EntityManager em, String sql) {
    StringBuilder b = new StringBuilder();
    for (Object line : em.createNativeQuery(sql).getResultList()) {
      b.append(line).append('\n');
    }
    return b.toString();
  }
}
