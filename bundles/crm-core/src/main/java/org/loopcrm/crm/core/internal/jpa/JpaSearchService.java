package org.loopcrm.crm.core.internal.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Query;
import org.hibernate.Session;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.search.SearchHit;
import org.loopcrm.crm.api.search.SearchKind;
import org.loopcrm.crm.api.search.SearchQuery;
import org.loopcrm.crm.api.search.SearchService;
import org.loopcrm.crm.core.internal.search.SearchRules;
import org.loopcrm.crm.core.internal.security.Permissions;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Search over account names, contact names and contact mechanisms, within the caller's records
 * (decisions.md §17). SQL preselects candidates, the record-level visibility condition included, so
 * invisible records are never read; {@link SearchRules} decides and scores in Java, so H2 and
 * PostgreSQL answer alike. On PostgreSQL names are preselected with the full-text GIN indexes of
 * changelog 0011 and mechanisms with its pg_trgm indexes.
 */
@Component(service = SearchService.class)
public final class JpaSearchService implements SearchService {
  /** Candidates read per kind; the order of the hits is decided among these. */
  static final int CANDIDATES = 500;

  private static final int MAX_LIMIT = 100;

  /** The text of a mechanism that is searched, the expression of the trigram index of 0011. */
  private static final String MECHANISM_TEXT =
      "lower(coalesce(m.mech_value, '') || ' ' || coalesce(m.street, '') || ' '"
          + " || coalesce(m.postal_code, '') || ' ' || coalesce(m.city, '') || ' '"
          + " || coalesce(m.region, '') || ' ' || coalesce(m.country, ''))";

  private static final String CONTACT_NAME = "coalesce(p.first_name, '') || ' ' || p.last_name";

  private final Transactions tx;
  private final AccessPolicy policy;
  private volatile Boolean postgres;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaSearchService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, policy);
  }

  JpaSearchService(EntityManagerFactory emf, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.policy = policy;
  }

  @Override
  public List<SearchHit> search(Actor actor, SearchQuery query) {
    if (query == null) {
      throw new ValidationException(List.of(new FieldError("q", "must not be blank")));
    }
    List<String> words = SearchRules.words(query.text());
    if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    Set<SearchKind> kinds =
        query.kinds() == null || query.kinds().isEmpty()
            ? EnumSet.allOf(SearchKind.class)
            : EnumSet.copyOf(query.kinds());
    Set<SearchKind> allowed = EnumSet.noneOf(SearchKind.class);
    for (SearchKind k : kinds) {
      if (Permissions.allows(actor, resource(k), Action.READ)) {
        allowed.add(k);
      }
    }
    if (allowed.isEmpty()) {
      Permissions.require(actor, resource(kinds.iterator().next()), Action.READ);
    }
    return tx.readOnly(
        em -> {
          boolean pg = isPostgres(em);
          Visibility.Circle circle = Visibility.circle(em, actor);
          Map<String, Object> params = new LinkedHashMap<>();
          String visible = visibleSql(circle, params);
          List<SearchHit> hits = new ArrayList<>();
          if (allowed.contains(SearchKind.ACCOUNT)) {
            accounts(em, pg, words, visible, params, hits);
          }
          if (allowed.contains(SearchKind.CONTACT)) {
            contacts(em, pg, words, visible, params, hits);
          }
          if (allowed.contains(SearchKind.MECHANISM)) {
            mechanisms(em, words, visible, params, hits);
          }
          hits.sort(
              Comparator.comparingDouble(SearchHit::score)
                  .reversed()
                  .thenComparing(SearchHit::kind)
                  .thenComparing(h -> h.label().toLowerCase(Locale.ROOT))
                  .thenComparing(h -> h.id().toString()));
          return List.copyOf(hits.subList(0, Math.min(hits.size(), query.limit())));
        });
  }

  private static Resource resource(SearchKind k) {
    return switch (k) {
      case ACCOUNT -> Resource.ACCOUNT;
      case CONTACT -> Resource.CONTACT;
      case MECHANISM -> Resource.CONTACT_MECHANISM;
    };
  }

  private static void accounts(
      EntityManager em,
      boolean pg,
      List<String> words,
      String visible,
      Map<String, Object> shared,
      List<SearchHit> hits) {
    Map<String, Object> params = new LinkedHashMap<>(shared);
    String sql =
        "select o.party_id, o.name from crm_organization o where "
            + nameMatch("o.name", pg, words, params)
            + (visible == null ? "" : " and " + visible)
            + " order by o.sort_name, o.party_id";
    for (Object[] row : rows(em, sql, params)) {
      String name = (String) row[1];
      double score = SearchRules.nameScore(name, words);
      if (score > 0) {
        UUID id = UUID.fromString((String) row[0]);
        hits.add(new SearchHit(SearchKind.ACCOUNT, id, id, name, "name", name, score));
      }
    }
  }

  private static void contacts(
      EntityManager em,
      boolean pg,
      List<String> words,
      String visible,
      Map<String, Object> shared,
      List<SearchHit> hits) {
    Map<String, Object> params = new LinkedHashMap<>(shared);
    String sql =
        "select p.party_id, p.first_name, p.last_name, o.party_id as account_id, p.email"
            + " from crm_person p join crm_party_relationship r on r.from_party_id = p.party_id"
            + " and r.rel_type = 'CONTACT_OF' and r.thru_date is null"
            + " join crm_organization o on o.party_id = r.to_party_id"
            + " where p.erased_at is null and ("
            + nameMatch(CONTACT_NAME, pg, words, params)
            + " or "
            + containsAll("lower(p.email)", "e", words, params)
            + ")"
            + (visible == null ? "" : " and " + visible)
            + " order by p.last_name, p.first_name, p.party_id";
    for (Object[] row : rows(em, sql, params)) {
      String name = fullName((String) row[1], (String) row[2]);
      String email = (String) row[4];
      double byName = SearchRules.nameScore(name, words);
      double byEmail = email == null ? 0 : SearchRules.textScore(email, words);
      if (byName > 0 || byEmail > 0) {
        boolean named = byName >= byEmail;
        hits.add(
            new SearchHit(
                SearchKind.CONTACT,
                UUID.fromString((String) row[0]),
                UUID.fromString((String) row[3]),
                name,
                named ? "name" : "email",
                named ? name : email,
                Math.max(byName, byEmail)));
      }
    }
  }

  private static void mechanisms(
      EntityManager em,
      List<String> words,
      String visible,
      Map<String, Object> shared,
      List<SearchHit> hits) {
    // Mechanisms of accounts, then of contacts: one simple query each rather than an outer-join
    // maze, each with the account's visibility.
    Map<String, Object> params = new LinkedHashMap<>(shared);
    String match = containsAll(MECHANISM_TEXT, "c", words, params);
    String columns =
        "m.id, m.kind, m.mech_value, m.network, m.street, m.postal_code, m.city, m.region,"
            + " m.country, o.party_id as account_id";
    String ofAccounts =
        "select "
            + columns
            + ", o.name, cast(null as varchar(100)) as first_name, cast(null as varchar(100)) as last_name from crm_contact_mechanism m"
            + " join crm_organization o on o.party_id = m.party_id where "
            + match
            + (visible == null ? "" : " and " + visible)
            + " order by m.id";
    String ofContacts =
        "select "
            + columns
            + ", o.name, p.first_name, p.last_name from crm_contact_mechanism m"
            + " join crm_person p on p.party_id = m.party_id"
            + " join crm_party_relationship r on r.from_party_id = p.party_id"
            + " and r.rel_type = 'CONTACT_OF' and r.thru_date is null"
            + " join crm_organization o on o.party_id = r.to_party_id"
            + " where p.erased_at is null and "
            + match
            + (visible == null ? "" : " and " + visible)
            + " order by m.id";
    for (String sql : List.of(ofAccounts, ofContacts)) {
      for (Object[] row : rows(em, sql, params)) {
        MechanismKind kind = MechanismKind.valueOf((String) row[1]);
        String text = display(kind, row);
        double score = SearchRules.textScore(searchable(row), words);
        if (score > 0) {
          String label =
              row[12] == null && row[11] == null
                  ? (String) row[10]
                  : fullName((String) row[11], (String) row[12]);
          hits.add(
              new SearchHit(
                  SearchKind.MECHANISM,
                  UUID.fromString((String) row[0]),
                  UUID.fromString((String) row[9]),
                  label,
                  kind.name().toLowerCase(Locale.ROOT),
                  text,
                  score));
        }
      }
    }
  }

  /** The text the SQL expression {@link #MECHANISM_TEXT} searches, built the same way. */
  private static String searchable(Object[] row) {
    StringJoiner j = new StringJoiner(" ");
    for (int i : new int[] {2, 4, 5, 6, 7, 8}) {
      j.add(row[i] == null ? "" : (String) row[i]);
    }
    return j.toString();
  }

  private static String display(MechanismKind kind, Object[] row) {
    if (kind != MechanismKind.POSTAL) {
      return (String) row[2];
    }
    StringJoiner j = new StringJoiner(", ");
    for (int i : new int[] {4, 5, 6, 7, 8}) {
      if (row[i] != null && !((String) row[i]).isBlank()) {
        j.add((String) row[i]);
      }
    }
    return j.toString();
  }

  private static String fullName(String first, String last) {
    return first == null || first.isBlank() ? last : first + " " + last;
  }

  /**
   * Every word a prefix of a word of the name: full text on PostgreSQL, and on H2 a LIKE on the
   * name with every non-letter-or-digit turned into a space.
   */
  private static String nameMatch(
      String expr, boolean pg, List<String> words, Map<String, Object> params) {
    if (pg) {
      params.put("tsq", SearchRules.prefixTsQuery(words));
      return "to_tsvector('simple', " + expr + ") @@ to_tsquery('simple', :tsq)";
    }
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        b.append(" and ");
      }
      b.append("(' ' || regexp_replace(lower(")
          .append(expr)
          .append("), '[^\\p{L}\\p{N}]+', ' ')) like :w")
          .append(i);
      params.put("w" + i, "% " + words.get(i) + "%");
    }
    return b.append(')').toString();
  }

  /**
   * Every word inside the lower-case text {@code expr}; a pg_trgm index scan on PostgreSQL. The
   * parameters are named with {@code prefix}.
   */
  private static String containsAll(
      String expr, String prefix, List<String> words, Map<String, Object> params) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        b.append(" and ");
      }
      b.append(expr).append(" like :").append(prefix).append(i);
      // Words hold letters and digits only: nothing to escape for LIKE.
      params.put(prefix + i, "%" + words.get(i) + "%");
    }
    return b.append(')').toString();
  }

  /**
   * The SQL twin of {@link Visibility#listCondition} on the account alias {@code o}, or null when
   * the actor sees every account.
   */
  private String visibleSql(Visibility.Circle circle, Map<String, Object> params) {
    if (circle.everything() || policy.mode() != AccessPolicy.Mode.PRIVATE) {
      return null;
    }
    params.put("visOwners", circle.ownerList());
    params.put("visUser", circle.user());
    params.put("visTeams", circle.teamList());
    return "(o.owner_user in (:visOwners) or exists (select 1 from crm_record_share s"
        + " where s.record_type = 'account' and s.record_id = o.party_id and ((s.principal_type"
        + " = 'USER' and s.principal = :visUser) or (s.principal_type = 'TEAM' and s.principal"
        + " in (:visTeams)))))";
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(EntityManager em, String sql, Map<String, Object> params) {
    Query q = em.createNativeQuery(sql);
    params.forEach(
        (k, v) -> {
          if (sql.contains(":" + k)) {
            q.setParameter(k, v);
          }
        });
    return q.setMaxResults(CANDIDATES).getResultList();
  }

  private boolean isPostgres(EntityManager em) {
    Boolean pg = postgres;
    if (pg == null) {
      pg =
          em.unwrap(Session.class)
              .doReturningWork(
                  c ->
                      c.getMetaData()
                          .getDatabaseProductName()
                          .toLowerCase(Locale.ROOT)
                          .contains("postgres"));
      postgres = pg;
    }
    return pg;
  }
}
