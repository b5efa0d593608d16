package org.loopcrm.crm.api.plugin;

/**
 * A record plugin: register an implementation as an OSGi service with the properties below, from
 * any bundle; the CRM picks it up while it is registered (a bundle dropped into {@code deploy/} is
 * enough) and drops it when it goes.
 *
 * <ul>
 *   <li>{@value #ENTITY} (required): the record type, e.g. {@code account};
 *   <li>{@value #OPERATION} (required): one or more {@link Operation} names;
 *   <li>{@value #STAGE} (required): one {@link Stage} name;
 *   <li>{@value #ATTRIBUTES} (optional): run only when one of these fields is set or changed;
 *   <li>{@code service.ranking} (optional): higher runs first;
 *   <li>{@value #KEY} (optional): the plugin's stable name, which {@link Stage#ASYNC} jobs carry to
 *       find the plugin again after commit; defaults to {@code component.name} (Declarative
 *       Services sets it) and else to the class name.
 * </ul>
 *
 * A plugin changes the target with {@link PluginContext#replaceTarget} in the pre-stages and
 * refuses the operation by throwing {@link PluginVetoException} in the synchronous stages. An
 * {@link Stage#ASYNC} plugin runs after commit and can refuse nothing; see there.
 */
@FunctionalInterface
public interface RecordPlugin {
  /** Service property: the record type the plugin is for. */
  String ENTITY = "crm.plugin.entity";

  /** Service property: the operations the plugin is for. */
  String OPERATION = "crm.plugin.operation";

  /** Service property: the stage the plugin runs at. */
  String STAGE = "crm.plugin.stage";

  /** Service property: the fields that make the plugin run; absent means every change. */
  String ATTRIBUTES = "crm.plugin.attributes";

  /**
   * Service property: the plugin's stable name, unique among the registered plugins; an {@link
   * Stage#ASYNC} job names its plugin by it, so it must stay the same across restarts and
   * redeployments. Optional: {@code component.name}, else the class name, is used without it.
   */
  String KEY = "crm.plugin.key";

  /**
   * Runs the plugin.
   *
   * @throws PluginVetoException to refuse the operation (in {@link Stage#ASYNC} a failure like any
   *     other: it is retried and then dead-lettered)
   */
  void execute(PluginContext context);
}
