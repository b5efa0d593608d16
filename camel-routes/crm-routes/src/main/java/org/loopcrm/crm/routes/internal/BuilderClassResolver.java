package org.loopcrm.crm.routes.internal;

import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.impl.engine.DefaultClassResolver;

/**
 * Resolves classes and resources from the Camel library first and then from the class loaders of
 * the registered route builders. Without the second step Camel cannot load a route bundle's class
 * by name ({@code class:} endpoints, type names in data formats), since the library does not import
 * the route bundles' private packages.
 */
final class BuilderClassResolver extends DefaultClassResolver {

  /** One entry per registered builder; several builders of one bundle share a loader. */
  private final List<ClassLoader> builderLoaders = new CopyOnWriteArrayList<>();

  void addBuilderLoader(ClassLoader loader) {
    builderLoaders.add(loader);
  }

  void removeBuilderLoader(ClassLoader loader) {
    builderLoaders.remove(loader);
  }

  @Override
  public Class<?> resolveClass(String name) {
    Class<?> answer = super.resolveClass(name);
    if (answer == null) {
      for (ClassLoader loader : builderLoaders) {
        answer = loadClass(name, loader);
        if (answer != null) {
          break;
        }
      }
    }
    return answer;
  }

  @Override
  public InputStream loadResourceAsStream(String uri) {
    InputStream answer = super.loadResourceAsStream(uri);
    for (ClassLoader loader : builderLoaders) {
      if (answer != null) {
        break;
      }
      answer = loader.getResourceAsStream(stripLeadingSlash(uri));
    }
    return answer;
  }

  @Override
  public URL loadResourceAsURL(String uri) {
    URL answer = super.loadResourceAsURL(uri);
    for (ClassLoader loader : builderLoaders) {
      if (answer != null) {
        break;
      }
      answer = loader.getResource(stripLeadingSlash(uri));
    }
    return answer;
  }

  private static String stripLeadingSlash(String uri) {
    return uri.startsWith("/") ? uri.substring(1) : uri;
  }
}
