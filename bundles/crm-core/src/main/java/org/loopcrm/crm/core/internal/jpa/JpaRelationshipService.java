package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;
import static org.loopcrm.crm.core.internal.security.Permissions.seesFinance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.access.RecordAccess;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.relationship.Hierarchy;
import org.loopcrm.crm.api.relationship.HierarchyNode;
import org.loopcrm.crm.api.relationship.Relationship;
import org.loopcrm.crm.api.relationship.RelationshipService;
import org.loopcrm.crm.api.relationship.RelationshipType;
import org.loopcrm.crm.api.relationship.RollUp;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Account relationships and the hierarchy on the JPA persistence unit {@code crm}: rows of {@code
 * crm_party_relationship} of type SUBSIDIARY_OF (child → parent) and PARTNER_OF, ended by a thru
 * date, never deleted while both accounts exist.
 */
@Component(service = RelationshipService.class)
public final class JpaRelationshipService implements RelationshipService {
  private static final int MAX_TITLE = 100;
  private static final int IN_CHUNK = 500;

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaRelationshipService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), policy);
  }

  JpaRelationshipService(EntityManagerFactory emf, Clock clock, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
  }

  // --- the hierarchy

  @Override
  public Hierarchy setParent(Actor actor, UUID accountId, UUID parentId) {
    require(actor, Resource.ACCOUNT, Action.UPDATE);
    if (parentId == null) {
      throw new ValidationException(List.of(new FieldError("parentId", "is required")));
    }
    return tx.inTransaction(
        em -> {
          OrganizationEntity child = writable(em, actor, accountId);
          OrganizationEntity parent =
              Visibility.readable(em, actor, policy, JpaAccountService.find(em, parentId));
          lockInOrder(em, child, parent);
          if (child.id.equals(parent.id)) {
            throw new ConflictException("account " + accountId + " cannot be its own parent");
          }
          requireActive(child);
          requireActive(parent);
          List<String> chain = ancestorIds(em, parent.id);
          if (chain.contains(child.id)) {
            throw new ConflictException(
                "account "
                    + parentId
                    + " is below "
                    + accountId
                    + " in the hierarchy: making it the parent would close a cycle");
          }
          if (chain.size() + 1 >= MAX_DEPTH) {
            throw new ConflictException(
                "the hierarchy would be deeper than " + MAX_DEPTH + " levels");
          }
          PartyRelationshipEntity current = activeParentLink(em, child.id);
          if (current != null && current.toPartyId.equals(parent.id)) {
            throw new ConflictException(
                "account " + parentId + " is the parent of " + accountId + " already");
          }
          Instant now = now();
          String previous = null;
          if (current != null) {
            current.thruDate = now;
            previous = current.toPartyId;
          }
          PartyRelationshipEntity link =
              newLink(RelationshipType.SUBSIDIARY_OF, child.id, parent.id);
          link.fromDate = now;
          em.persist(link);
          parentChanged(em, actor, child, previous, parent.id, now);
          return hierarchy(em, actor, child, 1);
        });
  }

  @Override
  public Hierarchy clearParent(Actor actor, UUID accountId) {
    require(actor, Resource.ACCOUNT, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          OrganizationEntity child = writable(em, actor, accountId);
          em.lock(child, LockModeType.PESSIMISTIC_WRITE);
          requireActive(child);
          PartyRelationshipEntity current = activeParentLink(em, child.id);
          if (current == null) {
            throw new ConflictException("account " + accountId + " has no parent");
          }
          Instant now = now();
          current.thruDate = now;
          parentChanged(em, actor, child, current.toPartyId, null, now);
          return hierarchy(em, actor, child, 1);
        });
  }

  @Override
  public Hierarchy hierarchy(Actor actor, UUID accountId, int depth) {
    require(actor, Resource.ACCOUNT, Action.READ);
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new ValidationException(
          List.of(new FieldError("depth", "must be between 1 and " + MAX_DEPTH)));
    }
    return tx.readOnly(em -> hierarchy(em, actor, readable(em, actor, accountId), depth));
  }

  @Override
  public RollUp rollUp(Actor actor, UUID accountId) {
    require(actor, Resource.ACCOUNT, Action.READ);
    return tx.readOnly(
        em -> {
          OrganizationEntity root = readable(em, actor, accountId);
          Tree tree = tree(em, actor, root, MAX_DEPTH);
          List<OrganizationEntity> counted = new ArrayList<>();
          counted.add(root);
          tree.visible().forEach(n -> counted.add(n.entity()));
          int active = 0;
          long invoices = 0;
          Map<String, BigDecimal> open = new TreeMap<>();
          for (OrganizationEntity o : counted) {
            if (o.status == AccountStatus.ACTIVE) {
              active++;
            }
            invoices += o.invoiceCount;
            if (o.receivablesOpen != null && o.receivablesOpen.signum() != 0) {
              String currency = o.receivablesCurrency == null ? "" : o.receivablesCurrency;
              open.merge(currency, o.receivablesOpen, BigDecimal::add);
            }
          }
          open.replaceAll((k, v) -> v.stripTrailingZeros());
          boolean finance = seesFinance(actor);
          return new RollUp(
              UUID.fromString(root.id),
              counted.size(),
              active,
              contactCount(em, counted.stream().map(o -> o.id).toList()),
              finance ? open : null,
              finance ? invoices : null,
              tree.hidden());
        });
  }

  // --- relationships

  @Override
  public List<Relationship> relationships(Actor actor, UUID accountId, boolean includeEnded) {
    require(actor, Resource.ACCOUNT, Action.READ);
    return tx.readOnly(
        em -> {
          OrganizationEntity o = readable(em, actor, accountId);
          Visibility.Circle circle = Visibility.circle(em, actor);
          List<PartyRelationshipEntity> rows =
              em.createQuery(
                      "select r from PartyRelationshipEntity r where (r.fromPartyId = :id or"
                          + " r.toPartyId = :id)"
                          + (includeEnded ? "" : " and r.thruDate is null")
                          + " order by r.fromDate, r.id",
                      PartyRelationshipEntity.class)
                  .setParameter("id", o.id)
                  .getResultList();
          List<Relationship> out = new ArrayList<>();
          for (PartyRelationshipEntity r : rows) {
            String other = r.fromPartyId.equals(o.id) ? r.toPartyId : r.fromPartyId;
            OrganizationEntity otherOrg = em.find(OrganizationEntity.class, other);
            // A person on the other end is this account's contact; another organisation shows
            // only if the caller may see it.
            if (otherOrg == null
                || Visibility.access(em, circle, policy, otherOrg) != RecordAccess.NONE) {
              out.add(toRelationship(r));
            }
          }
          return out;
        });
  }

  @Override
  public Relationship relate(
      Actor actor, UUID accountId, RelationshipType type, UUID otherAccountId, String title) {
    require(actor, Resource.ACCOUNT, Action.UPDATE);
    List<FieldError> errors = new ArrayList<>();
    if (type != RelationshipType.PARTNER_OF) {
      errors.add(
          new FieldError(
              "type",
              "must be PARTNER_OF here (a parent is set with PUT .../hierarchy/parent, contacts"
                  + " are added as contacts)"));
    }
    if (otherAccountId == null) {
      errors.add(new FieldError("toAccountId", "is required"));
    }
    String t = title == null || title.isBlank() ? null : title.strip();
    if (t != null && t.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "must be at most " + MAX_TITLE + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return tx.inTransaction(
        em -> {
          OrganizationEntity from = writable(em, actor, accountId);
          OrganizationEntity to =
              Visibility.readable(em, actor, policy, JpaAccountService.find(em, otherAccountId));
          if (from.id.equals(to.id)) {
            throw new ConflictException("account " + accountId + " cannot be its own partner");
          }
          lockInOrder(em, from, to);
          requireActive(from);
          boolean exists =
              !em.createQuery(
                      "select r.id from PartyRelationshipEntity r where r.type = :type and"
                          + " r.thruDate is null and ((r.fromPartyId = :a and r.toPartyId = :b) or"
                          + " (r.fromPartyId = :b and r.toPartyId = :a))",
                      String.class)
                  .setParameter("type", PartyRelationshipEntity.Type.PARTNER_OF)
                  .setParameter("a", from.id)
                  .setParameter("b", to.id)
                  .getResultList()
                  .isEmpty();
          if (exists) {
            throw new ConflictException(
                "accounts " + accountId + " and " + otherAccountId + " are partners already");
          }
          Instant now = now();
          PartyRelationshipEntity r = newLink(type, from.id, to.id);
          r.title = t;
          r.fromDate = now;
          em.persist(r);
          auditLink(em, actor, from.id, r, null, "active", now);
          Outbox.append(
              em, JpaAccountService.ACCOUNT, from.id, "relationship.created", data(r, actor), now);
          return toRelationship(r);
        });
  }

  @Override
  public Relationship end(Actor actor, UUID accountId, UUID relationshipId) {
    require(actor, Resource.ACCOUNT, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          OrganizationEntity o = writable(em, actor, accountId);
          PartyRelationshipEntity r =
              em.find(PartyRelationshipEntity.class, relationshipId.toString());
          if (r == null || !(r.fromPartyId.equals(o.id) || r.toPartyId.equals(o.id))) {
            throw new NotFoundException("relationship", relationshipId);
          }
          if (r.type != PartyRelationshipEntity.Type.PARTNER_OF) {
            throw new ConflictException(
                "a "
                    + r.type
                    + " relationship is ended through the hierarchy or the contacts, not here");
          }
          if (r.thruDate != null) {
            throw new ConflictException(
                "relationship " + relationshipId + " ended at " + r.thruDate + " already");
          }
          Instant now = now();
          r.thruDate = now;
          auditLink(em, actor, o.id, r, "active", "ended", now);
          Outbox.append(
              em, JpaAccountService.ACCOUNT, o.id, "relationship.ended", data(r, actor), now);
          return toRelationship(r);
        });
  }

  // --- helpers

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private OrganizationEntity readable(EntityManager em, Actor actor, UUID id) {
    return Visibility.readable(em, actor, policy, JpaAccountService.find(em, id));
  }

  private OrganizationEntity writable(EntityManager em, Actor actor, UUID id) {
    return Visibility.writable(em, actor, policy, JpaAccountService.find(em, id));
  }

  private static void requireActive(OrganizationEntity o) {
    if (o.status == AccountStatus.ARCHIVED) {
      throw new ConflictException("account " + o.id + " is archived: restore it first");
    }
  }

  /** Locks both rows in id order, so two changes of the same pair never deadlock. */
  private static void lockInOrder(EntityManager em, OrganizationEntity a, OrganizationEntity b) {
    if (a.id.compareTo(b.id) <= 0) {
      em.lock(a, LockModeType.PESSIMISTIC_WRITE);
      em.lock(b, LockModeType.PESSIMISTIC_WRITE);
    } else {
      em.lock(b, LockModeType.PESSIMISTIC_WRITE);
      em.lock(a, LockModeType.PESSIMISTIC_WRITE);
    }
  }

  private static PartyRelationshipEntity newLink(RelationshipType type, String from, String to) {
    PartyRelationshipEntity r = new PartyRelationshipEntity();
    r.id = UUID.randomUUID().toString();
    r.type = PartyRelationshipEntity.Type.valueOf(type.name());
    r.fromPartyId = from;
    r.toPartyId = to;
    return r;
  }

  static PartyRelationshipEntity activeParentLink(EntityManager em, String childId) {
    List<PartyRelationshipEntity> links =
        em.createQuery(
                "select r from PartyRelationshipEntity r where r.fromPartyId = :child"
                    + " and r.type = :type and r.thruDate is null",
                PartyRelationshipEntity.class)
            .setParameter("child", childId)
            .setParameter("type", PartyRelationshipEntity.Type.SUBSIDIARY_OF)
            .getResultList();
    return links.isEmpty() ? null : links.get(0);
  }

  /** The ids above the account, nearest first, whatever the caller may see. */
  private static List<String> ancestorIds(EntityManager em, String accountId) {
    List<String> chain = new ArrayList<>();
    String current = accountId;
    for (int i = 0; i <= MAX_DEPTH; i++) {
      PartyRelationshipEntity up = activeParentLink(em, current);
      if (up == null || chain.contains(up.toPartyId)) {
        break;
      }
      chain.add(up.toPartyId);
      current = up.toPartyId;
    }
    return chain;
  }

  private void parentChanged(
      EntityManager em,
      Actor actor,
      OrganizationEntity child,
      String previous,
      String parent,
      Instant now) {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("parent", previous);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("parent", parent);
    AuditLog.record(em, actor, AuditAction.UPDATE, AuditLog.ACCOUNT, child.id, before, after, now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", child.id);
    data.put("parentId", parent);
    data.put("previousParentId", previous);
    data.put("by", actor.user());
    data.put("channel", actor.channel());
    Outbox.append(em, JpaAccountService.ACCOUNT, child.id, "account.parent-changed", data, now);
  }

  private static void auditLink(
      EntityManager em,
      Actor actor,
      String accountId,
      PartyRelationshipEntity r,
      String before,
      String after,
      Instant now) {
    String other = r.fromPartyId.equals(accountId) ? r.toPartyId : r.fromPartyId;
    String field = "relationship:" + r.type + ":" + other;
    Map<String, Object> b = new LinkedHashMap<>();
    b.put(field, before);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put(field, after);
    AuditLog.record(em, actor, AuditAction.UPDATE, AuditLog.ACCOUNT, accountId, b, a, now);
  }

  private static Map<String, Object> data(PartyRelationshipEntity r, Actor actor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id);
    m.put("type", r.type);
    m.put("fromPartyId", r.fromPartyId);
    m.put("toPartyId", r.toPartyId);
    m.put("title", r.title);
    m.put("fromDate", r.fromDate);
    m.put("thruDate", r.thruDate);
    m.put("by", actor.user());
    m.put("channel", actor.channel());
    return m;
  }

  private static Relationship toRelationship(PartyRelationshipEntity r) {
    return new Relationship(
        UUID.fromString(r.id),
        RelationshipType.valueOf(r.type.name()),
        UUID.fromString(r.fromPartyId),
        UUID.fromString(r.toPartyId),
        r.title,
        r.fromDate,
        r.thruDate);
  }

  /** A descendant with its parent and depth. */
  private record Node(OrganizationEntity entity, String parentId, int depth) {}

  /** The visible descendants in depth-first order, and how many were hidden. */
  private record Tree(List<Node> visible, int hidden) {}

  /**
   * Walks down from the root level by level; a descendant the caller may not see hides itself and
   * its whole subtree (they are counted as hidden), so every listed node's parent is listed too.
   */
  private Tree tree(EntityManager em, Actor actor, OrganizationEntity root, int depth) {
    Visibility.Circle circle = Visibility.circle(em, actor);
    Map<String, List<OrganizationEntity>> children = new HashMap<>();
    Map<String, Boolean> visible = new HashMap<>();
    List<String> level = List.of(root.id);
    int hidden = 0;
    for (int d = 1; d <= MAX_DEPTH && !level.isEmpty(); d++) {
      List<String> next = new ArrayList<>();
      for (List<String> chunk : chunks(level)) {
        List<Object[]> rows =
            em.createQuery(
                    "select r.toPartyId, o from PartyRelationshipEntity r, OrganizationEntity o"
                        + " where r.fromPartyId = o.id and r.toPartyId in :parents"
                        + " and r.type = :type and r.thruDate is null",
                    Object[].class)
                .setParameter("parents", chunk)
                .setParameter("type", PartyRelationshipEntity.Type.SUBSIDIARY_OF)
                .getResultList();
        for (Object[] row : rows) {
          OrganizationEntity child = (OrganizationEntity) row[1];
          if (visible.containsKey(child.id) || child.id.equals(root.id)) {
            continue;
          }
          String parent = (String) row[0];
          boolean sees =
              !Boolean.FALSE.equals(visible.get(parent))
                  && Visibility.access(em, circle, policy, child) != RecordAccess.NONE;
          visible.put(child.id, sees);
          if (!sees) {
            hidden++;
          }
          children.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
          next.add(child.id);
        }
      }
      level = next;
    }
    List<Node> out = new ArrayList<>();
    walk(root.id, 1, depth, children, visible, out);
    return new Tree(out, hidden);
  }

  private static void walk(
      String parent,
      int d,
      int maxDepth,
      Map<String, List<OrganizationEntity>> children,
      Map<String, Boolean> visible,
      List<Node> out) {
    if (d > maxDepth) {
      return;
    }
    List<OrganizationEntity> kids = new ArrayList<>(children.getOrDefault(parent, List.of()));
    kids.sort(Comparator.comparing((OrganizationEntity o) -> o.sortName).thenComparing(o -> o.id));
    for (OrganizationEntity k : kids) {
      if (Boolean.TRUE.equals(visible.get(k.id))) {
        out.add(new Node(k, parent, d));
        walk(k.id, d + 1, maxDepth, children, visible, out);
      }
    }
  }

  private Hierarchy hierarchy(EntityManager em, Actor actor, OrganizationEntity o, int depth) {
    Visibility.Circle circle = Visibility.circle(em, actor);
    List<HierarchyNode> ancestors = new ArrayList<>();
    boolean ancestorsHidden = false;
    String current = o.id;
    String parentId = null;
    for (int i = 1; i <= MAX_DEPTH; i++) {
      PartyRelationshipEntity up = activeParentLink(em, current);
      if (up == null) {
        break;
      }
      if (i == 1) {
        parentId = up.toPartyId;
      }
      OrganizationEntity p = em.find(OrganizationEntity.class, up.toPartyId);
      if (p == null || Visibility.access(em, circle, policy, p) == RecordAccess.NONE) {
        ancestorsHidden = true;
        break;
      }
      PartyRelationshipEntity grand = activeParentLink(em, p.id);
      ancestors.add(node(p, grand == null ? null : grand.toPartyId, -i));
      current = p.id;
    }
    Tree tree = tree(em, actor, o, depth);
    List<HierarchyNode> descendants =
        tree.visible().stream().map(n -> node(n.entity(), n.parentId(), n.depth())).toList();
    return new Hierarchy(
        UUID.fromString(o.id),
        parentId == null || ancestorsHidden && ancestors.isEmpty()
            ? null
            : UUID.fromString(parentId),
        ancestors,
        ancestorsHidden,
        descendants,
        tree.hidden());
  }

  private static HierarchyNode node(OrganizationEntity o, String parentId, int depth) {
    return new HierarchyNode(
        UUID.fromString(o.id),
        o.name,
        o.owner,
        o.status,
        parentId == null ? null : UUID.fromString(parentId),
        depth);
  }

  private static long contactCount(EntityManager em, List<String> orgIds) {
    long total = 0;
    for (List<String> chunk : chunks(orgIds)) {
      total +=
          em.createQuery(
                  "select count(r) from PartyRelationshipEntity r where r.toPartyId in :orgs"
                      + " and r.type = :type and r.thruDate is null",
                  Long.class)
              .setParameter("orgs", chunk)
              .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
              .getSingleResult();
    }
    return total;
  }

  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += IN_CHUNK) {
      out.add(ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)));
    }
    return out;
  }
}
