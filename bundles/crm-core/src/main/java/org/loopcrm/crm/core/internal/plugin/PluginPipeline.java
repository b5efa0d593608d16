package org.loopcrm.crm.core.internal.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loopcrm.crm.api.plugin.PluginContext;
import org.loopcrm.crm.api.plugin.RecordPlugin;
import org.loopcrm.crm.api.plugin.Stage;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects {@link RecordPlugin} services (whiteboard) and runs the ones registered for an
 * operation's record type, operation, stage and changed fields, highest {@code service.ranking}
 * first. Plugins come and go at any time; each run sees the plugins registered when it starts.
 *
 * <p>{@link Stage#ASYNC} plugins are not run here: {@link #asyncKeys} names the ones an operation
 * needs a job for (written in its transaction), and {@link #asyncPlugin} finds a job's plugin again
 * by its key after commit.
 */
@Component(service = PluginPipeline.class, immediate = true)
public final class PluginPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(PluginPipeline.class);
  private volatile List<Registration> plugins = List.of();

  /** A plugin and what it registered for. */
  record Registration(
      RecordPlugin plugin,
      String key,
      String entity,
      Set<String> operations,
      Stage stage,
      Set<String> attributes,
      int ranking,
      long serviceId) {}

  /** Adds a plugin service. */
  @Reference(
      service = RecordPlugin.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  public synchronized void addPlugin(RecordPlugin plugin, Map<String, Object> properties) {
    Registration r = registration(plugin, properties);
    if (r == null) {
      return;
    }
    if (r.stage() == Stage.ASYNC
        && plugins.stream().anyMatch(p -> p.stage() == Stage.ASYNC && p.key().equals(r.key()))) {
      LOG.warn(
          "two ASYNC record plugins have the key {}: jobs run the first; set {} to tell them apart",
          r.key(),
          RecordPlugin.KEY);
    }
    List<Registration> next = new ArrayList<>(plugins);
    next.add(r);
    next.sort(
        Comparator.comparingInt(Registration::ranking)
            .reversed()
            .thenComparingLong(Registration::serviceId));
    plugins = List.copyOf(next);
    LOG.info(
        "record plugin {} registered for {} {} at {}",
        r.key(),
        r.entity(),
        r.operations(),
        r.stage());
  }

  /** Removes a plugin service. */
  public synchronized void removePlugin(RecordPlugin plugin, Map<String, Object> properties) {
    plugins = plugins.stream().filter(r -> r.plugin() != plugin).toList();
    LOG.info("record plugin {} removed", plugin.getClass().getName());
  }

  /**
   * Runs the matching plugins at the context's current stage, after moving it to {@code stage}; a
   * synchronous stage only.
   */
  public void run(PipelineContext context, Stage stage, Object postImage) {
    if (stage == Stage.ASYNC) {
      throw new IllegalArgumentException("ASYNC plugins run from their jobs, after commit");
    }
    if (context.stage() != stage) {
      context.advance(stage, postImage);
    }
    for (Registration r : plugins) {
      if (r.stage() == stage && matches(r, context)) {
        r.plugin().execute(context);
      }
    }
  }

  /**
   * The keys of the ASYNC plugins registered now for the operation (record type, operation, changed
   * fields), highest ranking first: one job each.
   */
  public List<String> asyncKeys(PluginContext context) {
    return plugins.stream()
        .filter(r -> r.stage() == Stage.ASYNC && matches(r, context))
        .map(Registration::key)
        .toList();
  }

  /** The ASYNC plugin registered now under the key, if any. */
  public Optional<RecordPlugin> asyncPlugin(String key) {
    return plugins.stream()
        .filter(r -> r.stage() == Stage.ASYNC && r.key().equals(key))
        .map(Registration::plugin)
        .findFirst();
  }

  private static boolean matches(Registration r, PluginContext context) {
    return r.entity().equals(context.entity())
        && r.operations().contains(context.operation().name())
        && (r.attributes().isEmpty()
            || r.attributes().stream().anyMatch(context.changedFields()::contains));
  }

  /** The number of plugins registered; for diagnostics. */
  public int size() {
    return plugins.size();
  }

  private static Registration registration(RecordPlugin plugin, Map<String, Object> p) {
    String entity = single(p.get(RecordPlugin.ENTITY));
    String stage = single(p.get(RecordPlugin.STAGE));
    Set<String> operations = Set.copyOf(values(p.get(RecordPlugin.OPERATION)));
    Stage parsedStage;
    try {
      parsedStage = stage == null ? null : Stage.valueOf(stage);
    } catch (IllegalArgumentException e) {
      parsedStage = null;
    }
    if (entity == null || parsedStage == null || operations.isEmpty()) {
      LOG.warn(
          "record plugin {} ignored: it needs the service properties {}, {} (one of {}) and {}",
          plugin.getClass().getName(),
          RecordPlugin.ENTITY,
          RecordPlugin.STAGE,
          List.of(Stage.values()),
          RecordPlugin.OPERATION);
      return null;
    }
    Object ranking = p.get(Constants.SERVICE_RANKING);
    Object id = p.get(Constants.SERVICE_ID);
    String key = single(p.get(RecordPlugin.KEY));
    if (key == null) {
      key = single(p.get("component.name"));
    }
    return new Registration(
        plugin,
        key == null ? plugin.getClass().getName() : key,
        entity,
        operations,
        parsedStage,
        Set.copyOf(values(p.get(RecordPlugin.ATTRIBUTES))),
        ranking instanceof Integer i ? i : 0,
        id instanceof Long l ? l : 0L);
  }

  private static String single(Object value) {
    List<String> v = values(value);
    return v.isEmpty() ? null : v.get(0);
  }

  private static List<String> values(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof String s) {
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    } else if (value instanceof String[] array) {
      for (String s : array) {
        out.addAll(values(s));
      }
    } else if (value instanceof Collection<?> c) {
      for (Object o : c) {
        out.addAll(values(o));
      }
    }
    return out;
  }
}
