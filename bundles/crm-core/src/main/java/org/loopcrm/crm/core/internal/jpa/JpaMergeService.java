package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConcurrentChangeException;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.access.RecordAccess;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.merge.Merge;
import org.loopcrm.crm.api.merge.MergeParty;
import org.loopcrm.crm.api.merge.MergeRequest;
import org.loopcrm.crm.api.merge.MergeService;
import org.loopcrm.crm.api.merge.MergeStatus;
import org.loopcrm.crm.api.merge.PartyKind;
import org.loopcrm.crm.api.merge.PartyMergedException;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.Stage;
import org.loopcrm.crm.core.internal.account.AccountRules;
import org.loopcrm.crm.core.internal.json.Json;
import org.loopcrm.crm.core.internal.merge.MergeRules;
import org.loopcrm.crm.core.internal.plugin.PipelineContext;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Merges duplicate accounts or contacts, and undoes merges, on the JPA persistence unit {@code
 * crm}. The survivor's fields and every child row of the losers change through a {@link
 * MergeJournal} stored with the merge, so undo puts back exactly what moved.
 */
@Component(service = MergeService.class)
public final class JpaMergeService implements MergeService {
  /**
   * The child records a merge re-links, in the order it does so. A later table that points at
   * parties adds its {@link MergeStep} here.
   */
  static final List<MergeStep> STEPS =
      List.of(
          new RelationshipMergeStep(),
          new MechanismMergeStep(),
          new PartyRowMergeStep(
              "crm_party_role",
              List.of("id"),
              "party_id",
              null,
              List.of("role_type", "thru_date"),
              "role"),
          new PartyRowMergeStep(
              "crm_external_ref", List.of("id"), "party_id", null, List.of(), "external ref"),
          new PartyRowMergeStep(
              "crm_party_tag", List.of("id"), "party_id", null, List.of("tag"), "tag"),
          new PartyRowMergeStep(
              "crm_consent_decision",
              List.of("decision_id"),
              "subject_id",
              null,
              List.of(),
              "consent decision"),
          new PartyRowMergeStep(
              "crm_record_share",
              List.of("id"),
              "record_id",
              "record_type = 'account'",
              List.of("principal_type", "principal"),
              "share"),
          new PartyRowMergeStep(
              "crm_activity", List.of("activity_id"), "account_id", null, List.of(), "activity"),
          new PartyRowMergeStep(
              "crm_activity", List.of("activity_id"), "contact_id", null, List.of(), "activity"),
          new PartyRowMergeStep(
              "crm_activity_participant",
              List.of("activity_seq", "participant_index"),
              "contact_id",
              null,
              List.of("activity_seq"),
              "participant"),
          // A custom field the survivor has a value for keeps it; else the loser's value moves.
          new PartyRowMergeStep(
              "crm_custom_value",
              List.of("id"),
              "record_id",
              null,
              List.of("field_id"),
              "custom field value"),
          // Purchases and stage transitions are facts of the account: all move (decisions §22).
          new PartyRowMergeStep(
              "crm_purchase", List.of("seq"), "party_id", null, List.of(), "purchase"),
          new PartyRowMergeStep(
              "crm_stage_transition",
              List.of("seq"),
              "party_id",
              null,
              List.of(),
              "stage transition"),
          // ERP facts of the account move too (decisions §23); a link to a system the survivor is
          // linked to already is dropped: the survivor's agreement with that ERP stands.
          new PartyRowMergeStep(
              "crm_payment", List.of("seq"), "party_id", null, List.of(), "payment"),
          new PartyRowMergeStep(
              "crm_erp_document", List.of("seq"), "party_id", null, List.of(), "ERP document"),
          new PartyRowMergeStep(
              "crm_erp_document_change",
              List.of("seq"),
              "party_id",
              null,
              List.of(),
              "ERP document change"),
          new PartyRowMergeStep(
              "crm_sync_conflict", List.of("seq"), "account_id", null, List.of(), "sync conflict"),
          new PartyRowMergeStep(
              "crm_erp_link", List.of("id"), "account_id", null, List.of("erp_system"), "ERP link"),
          // Commands to the ERP move; one whose key the survivor used already stays behind and goes
          // with the loser, as the survivor's command with that key is the one asked for.
          new PartyRowMergeStep(
              "crm_erp_command",
              List.of("seq"),
              "account_id",
              null,
              List.of("idem_key"),
              "ERP command"),
          // Opportunities follow their account and their contact (decisions.md §31).
          new PartyRowMergeStep(
              "crm_opportunity", List.of("id"), "account_id", null, List.of(), "opportunity"),
          new PartyRowMergeStep(
              "crm_opportunity", List.of("id"), "contact_id", null, List.of(), "opportunity"),
          // Cases and their threads follow their account and contact (decisions.md §36).
          new PartyRowMergeStep("crm_case", List.of("id"), "account_id", null, List.of(), "case"),
          new PartyRowMergeStep("crm_case", List.of("id"), "contact_id", null, List.of(), "case"),
          new PartyRowMergeStep(
              "crm_case_event", List.of("seq"), "account_id", null, List.of(), "case event"));

  private static final String MERGE = "merge";

  private final Transactions tx;
  private final Clock clock;
  private final PluginPipeline plugins;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaMergeService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference PluginPipeline plugins,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), plugins, policy);
  }

  JpaMergeService(
      EntityManagerFactory emf, Clock clock, PluginPipeline plugins, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.plugins = plugins;
    this.policy = policy;
  }

  @Override
  public Merge merge(Actor actor, MergeRequest request) {
    require(actor, Resource.MERGE, Action.CREATE);
    MergeRequest r = MergeRules.valid(request);
    String entity = entity(r.kind());
    UUID survivorId = r.survivor().id();
    Object pre = tx.readOnly(em -> postImage(em, r.kind(), survivorId.toString()));
    Set<String> changed = new LinkedHashSet<>();
    r.fieldSources()
        .forEach(
            (f, id) -> {
              if (!id.equals(survivorId)) {
                changed.add(f);
              }
            });
    PipelineContext ctx = new PipelineContext(entity, Operation.MERGE, actor, r, pre, changed);
    plugins.run(ctx, Stage.PRE_VALIDATION, null);
    return tx.inTransaction(
        em -> {
          PartyEntity survivor = checked(em, actor, r.kind(), r.survivor(), true);
          List<PartyEntity> losers = new ArrayList<>();
          for (MergeParty l : r.losers()) {
            losers.add(checked(em, actor, r.kind(), l, false));
          }
          plugins.run(ctx, Stage.PRE_OPERATION, null);
          Instant now = now();
          Map<String, Object> before = image(survivor);
          List<String> loserIds = losers.stream().map(p -> p.id).toList();
          em.flush();
          MergeRun[] out = new MergeRun[1];
          Map<String, Object> versions = new LinkedHashMap<>();
          em.unwrap(Session.class)
              .doWork(
                  c -> {
                    MergeRun run =
                        new MergeRun(r.kind(), survivor.id, loserIds, new MergeJournal(c));
                    chooseFields(run, r, survivor, losers);
                    for (MergeStep step : STEPS) {
                      step.relink(run);
                    }
                    for (PartyEntity l : losers) {
                      run.journal()
                          .set(
                              "crm_party",
                              MergeRun.key("id", l.id),
                              "merged_into",
                              null,
                              survivor.id);
                    }
                    versions.put(survivor.id, bump(c, survivor.id, survivor.version, now));
                    for (PartyEntity l : losers) {
                      versions.put(l.id, bump(c, l.id, l.version, now));
                    }
                    out[0] = run;
                  });
          em.clear();
          MergeRun run = out[0];
          MergeEntity m = new MergeEntity();
          m.mergeId = UUID.randomUUID().toString();
          m.kind = r.kind();
          m.survivorId = survivor.id;
          m.loserIds = String.join(",", loserIds);
          m.status = MergeStatus.MERGED;
          Map<String, Object> sources = new LinkedHashMap<>();
          r.fieldSources().forEach((f, id) -> sources.put(f, id.toString()));
          m.fieldSources = Json.write(sources);
          m.moved = Json.write(run.journal().counts());
          m.notes = Json.write(Map.of("notes", run.notes()));
          m.versions = Json.write(versions);
          m.journal = Json.write(Map.of("ops", run.journal().ops()));
          m.mergedBy = actor.user();
          m.mergedAt = now;
          em.persist(m);
          em.flush();
          for (String party : parties(m)) {
            em.createNativeQuery(
                    "insert into crm_merge_party (merge_seq, party_id) values (?1, ?2)")
                .setParameter(1, m.sequence)
                .setParameter(2, party)
                .executeUpdate();
          }
          PartyEntity after = em.find(PartyEntity.class, survivor.id);
          String type = auditType(r.kind());
          AuditLog.record(
              em, actor, AuditAction.MERGE, type, survivor.id, before, image(after), now);
          for (String l : loserIds) {
            AuditLog.record(
                em,
                actor,
                AuditAction.MERGE,
                type,
                l,
                mergedInto(null),
                mergedInto(survivor.id),
                now);
          }
          Object post = postImage(em, r.kind(), survivor.id);
          plugins.run(ctx, Stage.POST_OPERATION, post);
          Merge merge = toMerge(m);
          Outbox.append(em, entity, survivor.id, entity + ".merged", eventData(merge, actor), now);
          Outbox.appendAsyncJobs(em, plugins, ctx, survivor.id, now);
          return merge;
        });
  }

  @Override
  public Merge get(Actor actor, UUID mergeId) {
    require(actor, Resource.MERGE, Action.READ);
    return tx.readOnly(
        em -> {
          MergeEntity m = find(em, mergeId);
          if (!readableSurvivor(em, actor, m)) {
            throw new NotFoundException(MERGE, mergeId);
          }
          return toMerge(m);
        });
  }

  @Override
  public List<Merge> ofParty(Actor actor, UUID partyId) {
    require(actor, Resource.MERGE, Action.READ);
    return tx.readOnly(
        em -> {
          List<?> seqs =
              em.createNativeQuery(
                      "select merge_seq from crm_merge_party where party_id = ?1"
                          + " order by merge_seq desc")
                  .setParameter(1, partyId.toString())
                  .getResultList();
          List<Merge> out = new ArrayList<>();
          for (Object seq : seqs) {
            MergeEntity m = em.find(MergeEntity.class, ((Number) seq).longValue());
            if (readableSurvivor(em, actor, m)) {
              out.add(toMerge(m));
            }
          }
          return out;
        });
  }

  @Override
  public Merge undo(Actor actor, UUID mergeId) {
    require(actor, Resource.MERGE, Action.UPDATE);
    MergeEntity read = tx.readOnly(em -> find(em, mergeId));
    String entity = entity(read.kind);
    Object pre = tx.readOnly(em -> postImage(em, read.kind, read.survivorId));
    Set<String> changed = new LinkedHashSet<>(MergeRules.fields(read.kind));
    PipelineContext ctx =
        new PipelineContext(entity, Operation.MERGE, actor, mergeId, pre, changed);
    plugins.run(ctx, Stage.PRE_VALIDATION, null);
    return tx.inTransaction(
        em -> {
          MergeEntity m = find(em, mergeId);
          if (m.status == MergeStatus.UNDONE) {
            throw new ConflictException(
                "merge " + mergeId + " was undone already by " + m.undoneBy + " at " + m.undoneAt);
          }
          writableParty(em, actor, m.kind, m.survivorId);
          List<String> loserIds = Arrays.asList(m.loserIds.split(","));
          if (m.kind == PartyKind.ACCOUNT) {
            for (String l : loserIds) {
              Visibility.writable(em, actor, policy, em.find(OrganizationEntity.class, l));
            }
          }
          plugins.run(ctx, Stage.PRE_OPERATION, null);
          Map<String, Object> versions = Json.readObject(m.versions);
          for (Map.Entry<String, Object> v : versions.entrySet()) {
            PartyEntity p = em.find(PartyEntity.class, v.getKey());
            long left = ((Number) v.getValue()).longValue();
            if (p == null || p.version != left) {
              throw new ConflictException(
                  "undo cannot reconcile "
                      + auditType(m.kind)
                      + " "
                      + v.getKey()
                      + (p == null
                          ? ": it was deleted since the merge"
                          : ": it was changed since the merge (version "
                              + p.version
                              + ", the merge left "
                              + left
                              + ")"));
            }
          }
          PartyEntity survivor = em.find(PartyEntity.class, m.survivorId);
          Map<String, Object> before = image(survivor);
          Instant now = now();
          em.flush();
          @SuppressWarnings("unchecked")
          List<Object> ops = (List<Object>) Json.readObject(m.journal).get("ops");
          em.unwrap(Session.class)
              .doWork(
                  c -> {
                    MergeJournal.undo(c, ops);
                    MergeRun run =
                        new MergeRun(m.kind, m.survivorId, loserIds, new MergeJournal(c));
                    for (MergeStep step : STEPS) {
                      step.undone(run);
                    }
                    for (Map.Entry<String, Object> v : versions.entrySet()) {
                      bump(c, v.getKey(), ((Number) v.getValue()).longValue(), now);
                    }
                  });
          em.clear();
          MergeEntity done = find(em, mergeId);
          done.status = MergeStatus.UNDONE;
          done.undoneBy = actor.user();
          done.undoneAt = now;
          PartyEntity after = em.find(PartyEntity.class, m.survivorId);
          String type = auditType(m.kind);
          AuditLog.record(
              em, actor, AuditAction.UNMERGE, type, m.survivorId, before, image(after), now);
          for (String l : loserIds) {
            AuditLog.record(
                em,
                actor,
                AuditAction.UNMERGE,
                type,
                l,
                mergedInto(m.survivorId),
                mergedInto(null),
                now);
          }
          em.flush();
          plugins.run(ctx, Stage.POST_OPERATION, postImage(em, m.kind, m.survivorId));
          Merge merge = toMerge(done);
          Outbox.append(
              em, entity, m.survivorId, entity + ".unmerged", eventData(merge, actor), now);
          Outbox.appendAsyncJobs(em, plugins, ctx, m.survivorId, now);
          return merge;
        });
  }

  // --- the parties

  /** The party of the request, checked: kind, not merged, writable, at the version read. */
  private PartyEntity checked(
      EntityManager em, Actor actor, PartyKind kind, MergeParty ref, boolean survivor) {
    String what = auditType(kind);
    PartyEntity p = em.find(PartyEntity.class, ref.id().toString());
    boolean rightKind =
        kind == PartyKind.ACCOUNT ? p instanceof OrganizationEntity : p instanceof PersonEntity;
    if (p == null || !rightKind) {
      throw new NotFoundException(what, ref.id());
    }
    if (p.mergedInto != null) {
      throw new PartyMergedException(what, ref.id(), UUID.fromString(p.mergedInto));
    }
    writableParty(em, actor, kind, p.id);
    if (p.version != ref.version()) {
      throw new StaleVersionException(what, ref.id(), ref.version(), p.version);
    }
    if (p instanceof OrganizationEntity o && survivor && o.status != AccountStatus.ACTIVE) {
      throw new ConflictException("account " + o.id + " is archived: restore it first");
    }
    if (p instanceof PersonEntity person && person.erasedAt != null) {
      throw new ConflictException(
          "contact " + person.id + " was erased (GDPR): it cannot take part in a merge");
    }
    return p;
  }

  /** Refuses unless the actor may change the account, or every account of the contact. */
  private void writableParty(EntityManager em, Actor actor, PartyKind kind, String partyId) {
    if (kind == PartyKind.ACCOUNT) {
      Visibility.writable(em, actor, policy, em.find(OrganizationEntity.class, partyId));
      return;
    }
    List<String> accounts = accountsOf(em, partyId);
    if (accounts.isEmpty() && !Visibility.seesEverything(actor)) {
      throw new NotFoundException("contact", partyId);
    }
    for (String a : accounts) {
      OrganizationEntity o = em.find(OrganizationEntity.class, a);
      try {
        Visibility.writable(em, actor, policy, o);
      } catch (NotFoundException e) {
        throw new NotFoundException("contact", partyId);
      }
    }
  }

  /** Whether the actor reads the merge's survivor (for a contact: one of its accounts). */
  private boolean readableSurvivor(EntityManager em, Actor actor, MergeEntity m) {
    if (Visibility.seesEverything(actor)) {
      return true;
    }
    List<String> accounts =
        m.kind == PartyKind.ACCOUNT ? List.of(m.survivorId) : accountsOf(em, m.survivorId);
    for (String a : accounts) {
      OrganizationEntity o = em.find(OrganizationEntity.class, a);
      if (o != null && Visibility.access(em, actor, policy, o) != RecordAccess.NONE) {
        return true;
      }
    }
    return false;
  }

  private static List<String> accountsOf(EntityManager em, String personId) {
    return em.createQuery(
            "select r.toPartyId from PartyRelationshipEntity r where r.fromPartyId = :p"
                + " and r.type = :type and r.thruDate is null order by r.toPartyId",
            String.class)
        .setParameter("p", personId)
        .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
        .getResultList();
  }

  // --- fields

  /**
   * Sets the survivor's fields: a named field from the party named for it; a field not named keeps
   * the survivor's value, unless that is empty and a loser (the first in request order) has one.
   * The ERP reference is unique: the chosen one moves, the others are cleared from the losers; the
   * receivables (ERP facts of the reference) go with it.
   */
  private static void chooseFields(
      MergeRun run, MergeRequest r, PartyEntity survivor, List<PartyEntity> losers) {
    Map<String, PartyEntity> byId = new HashMap<>();
    byId.put(survivor.id, survivor);
    losers.forEach(l -> byId.put(l.id, l));
    List<PartyEntity> order = new ArrayList<>();
    order.add(survivor);
    order.addAll(losers);
    Map<String, PartyEntity> source = new LinkedHashMap<>();
    for (String field : MergeRules.fields(r.kind())) {
      UUID named = r.fieldSources().get(field);
      PartyEntity from = survivor;
      if (named != null) {
        from = byId.get(named.toString());
      } else if (value(survivor, field) == null) {
        from = order.stream().filter(p -> value(p, field) != null).findFirst().orElse(survivor);
      }
      source.put(field, from);
    }
    MergeJournal j = run.journal();
    if (survivor instanceof OrganizationEntity s) {
      Map<String, Object> key = MergeRun.key("party_id", s.id);
      OrganizationEntity erp = (OrganizationEntity) source.get("erpRef");
      for (PartyEntity p : losers) {
        OrganizationEntity l = (OrganizationEntity) p;
        if (l.erpRef != null) {
          j.set("crm_organization", MergeRun.key("party_id", l.id), "erp_ref", l.erpRef, null);
          if (l != erp && !Objects.equals(l.erpRef, s.erpRef)) {
            run.note("cleared ERP reference " + l.erpRef + " of merged account " + l.id);
          }
        }
      }
      String name = ((OrganizationEntity) source.get("name")).name;
      LifecycleStage stage = ((OrganizationEntity) source.get("stage")).stage;
      AccountRules.checkTransition(s.stage, stage);
      j.set("crm_organization", key, "name", s.name, name);
      j.set(
          "crm_organization",
          key,
          "sort_name",
          s.sortName,
          name.toLowerCase(java.util.Locale.ROOT));
      j.set("crm_organization", key, "erp_ref", s.erpRef, erp.erpRef);
      j.set(
          "crm_organization",
          key,
          "tax_id",
          s.taxId,
          ((OrganizationEntity) source.get("taxId")).taxId);
      j.set(
          "crm_organization",
          key,
          "owner_user",
          s.owner,
          ((OrganizationEntity) source.get("owner")).owner);
      j.set("crm_organization", key, "stage", s.stage.name(), stage.name());
      if (erp != s) {
        j.set("crm_organization", key, "receivables_open", s.receivablesOpen, erp.receivablesOpen);
        j.set(
            "crm_organization",
            key,
            "receivables_currency",
            s.receivablesCurrency,
            erp.receivablesCurrency);
        j.set("crm_organization", key, "invoice_count", s.invoiceCount, erp.invoiceCount);
        j.set("crm_organization", key, "last_invoice", s.lastInvoice, erp.lastInvoice);
        j.set(
            "crm_organization",
            key,
            "receivables_updated_at",
            local(s.receivablesUpdatedAt),
            local(erp.receivablesUpdatedAt));
        j.set("crm_organization", key, "receivables_overdue", s.overdue, erp.overdue);
        j.set("crm_organization", key, "credit_limit", s.creditLimit, erp.creditLimit);
        j.set(
            "crm_organization", key, "balance_as_of", local(s.balanceAsOf), local(erp.balanceAsOf));
        j.set("crm_organization", key, "payment_count", s.paymentCount, erp.paymentCount);
        j.set(
            "crm_organization",
            key,
            "last_payment_at",
            local(s.lastPaymentAt),
            local(erp.lastPaymentAt));
      }
    } else {
      PersonEntity s = (PersonEntity) survivor;
      Map<String, Object> key = MergeRun.key("party_id", s.id);
      j.set(
          "crm_person",
          key,
          "first_name",
          s.firstName,
          ((PersonEntity) source.get("firstName")).firstName);
      j.set(
          "crm_person",
          key,
          "last_name",
          s.lastName,
          ((PersonEntity) source.get("lastName")).lastName);
      j.set("crm_person", key, "email", s.email, ((PersonEntity) source.get("email")).email);
      j.set("crm_person", key, "phone", s.phone, ((PersonEntity) source.get("phone")).phone);
    }
  }

  private static Object value(PartyEntity p, String field) {
    return image(p).get(field);
  }

  /** The audited fields of a party, named as the API names them. */
  private static Map<String, Object> image(PartyEntity p) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (p instanceof OrganizationEntity o) {
      m.put("name", o.name);
      m.put("erpRef", o.erpRef);
      m.put("taxId", o.taxId);
      m.put("owner", o.owner);
      m.put("stage", o.stage);
      m.put("status", o.status);
    } else if (p instanceof PersonEntity c) {
      m.put("firstName", c.firstName);
      m.put("lastName", c.lastName);
      m.put("email", c.email);
      m.put("phone", c.phone);
    }
    return m;
  }

  private static Map<String, Object> mergedInto(String survivor) {
    Map<String, Object> m = new HashMap<>();
    m.put("mergedInto", survivor);
    return m;
  }

  /** The survivor as plugins see it: the account, or null for a contact. */
  private static Account postImage(EntityManager em, PartyKind kind, String survivorId) {
    if (kind != PartyKind.ACCOUNT) {
      return null;
    }
    OrganizationEntity o = em.find(OrganizationEntity.class, survivorId);
    return o == null ? null : JpaAccountService.toAccount(o);
  }

  // --- helpers

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Raises a party's version by one, as a JPA update would; returns the new version. */
  private static long bump(java.sql.Connection c, String id, long expected, Instant now) {
    int n =
        MergeJournal.execute(
            c,
            "update crm_party set version = version + 1, updated_at = ? where id = ? and version = ?",
            List.of(LocalDateTime.ofInstant(now, ZoneOffset.UTC), id, expected));
    if (n != 1) {
      throw new ConcurrentChangeException(
          "the record was changed by someone else at the same time: read it again and repeat");
    }
    return expected + 1;
  }

  private static LocalDateTime local(Instant i) {
    return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static MergeEntity find(EntityManager em, UUID id) {
    List<MergeEntity> rows =
        em.createQuery("select m from MergeEntity m where m.mergeId = :id", MergeEntity.class)
            .setParameter("id", id.toString())
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException(MERGE, id);
    }
    return rows.get(0);
  }

  private static List<String> parties(MergeEntity m) {
    List<String> out = new ArrayList<>();
    out.add(m.survivorId);
    out.addAll(Arrays.asList(m.loserIds.split(",")));
    return out;
  }

  private static String entity(PartyKind kind) {
    return kind == PartyKind.ACCOUNT ? JpaAccountService.ACCOUNT : "contact";
  }

  private static String auditType(PartyKind kind) {
    return kind == PartyKind.ACCOUNT ? AuditLog.ACCOUNT : AuditLog.CONTACT;
  }

  @SuppressWarnings("unchecked")
  static Merge toMerge(MergeEntity m) {
    Map<String, UUID> sources = new LinkedHashMap<>();
    Json.readObject(m.fieldSources)
        .forEach((f, id) -> sources.put(f, UUID.fromString((String) id)));
    Map<String, Integer> moved = new TreeMap<>();
    Json.readObject(m.moved).forEach((t, n) -> moved.put(t, ((Number) n).intValue()));
    List<String> notes = (List<String>) (List<?>) Json.readObject(m.notes).get("notes");
    return new Merge(
        UUID.fromString(m.mergeId),
        m.kind,
        UUID.fromString(m.survivorId),
        Arrays.stream(m.loserIds.split(",")).map(UUID::fromString).toList(),
        sources,
        moved,
        notes,
        m.status,
        m.mergedBy,
        m.mergedAt,
        m.undoneBy,
        m.undoneAt);
  }

  private static Map<String, Object> eventData(Merge m, Actor actor) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mergeId", m.id());
    d.put("kind", m.kind());
    d.put("survivorId", m.survivorId());
    d.put("loserIds", m.loserIds().stream().map(UUID::toString).toList());
    Map<String, Object> sources = new LinkedHashMap<>();
    m.fieldSources().forEach((f, id) -> sources.put(f, id.toString()));
    d.put("fieldSources", sources);
    d.put("moved", new LinkedHashMap<>(m.moved()));
    d.put("status", m.status());
    d.put("by", actor.user());
    d.put("channel", actor.channel());
    return d;
  }
}
