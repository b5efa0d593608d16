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
 *   <li>{@code service.ranking} (optional): higher runs first.
 * </ul>
 *
 * A plugin changes the target with {@link PluginContext#replaceTarget} in the pre-stages and
 * refuses the operation by throwing {@link PluginVetoException}.
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
   * Runs the plugin.
   *
   * @throws PluginVetoException to refuse the operation
   */
  void execute(PluginContext context);
}
