package org.loopcrm.crm.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;

/**
 * Logs users in against a JAAS realm (Karaf's {@code karaf} realm by default) and maps its role
 * principals to CRM roles. A successful login is remembered for a few seconds under a salted hash
 * of the password, so a load of requests does not re-read the realm each time.
 */
final class JaasAuthenticator implements Authenticator {
  private final String realm;
  private final long cacheNanos;
  private final byte[] salt = new byte[16];
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(String hash, Actor actor, long expires) {}

  JaasAuthenticator(String realm, int cacheSeconds) {
    this.realm = realm;
    this.cacheNanos = cacheSeconds * 1_000_000_000L;
    new java.security.SecureRandom().nextBytes(salt);
  }

  @Override
  public Optional<Actor> authenticate(String user, char[] password) {
    String hash = hash(user, password);
    long now = System.nanoTime();
    Cached c = cache.get(user);
    if (c != null && c.hash.equals(hash) && now - c.expires < 0) {
      return Optional.of(c.actor);
    }
    Optional<Actor> actor = login(user, password);
    if (actor.isPresent() && cacheNanos > 0) {
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(user, new Cached(hash, actor.get(), now + cacheNanos));
    } else {
      cache.remove(user);
    }
    return actor;
  }

  private Optional<Actor> login(String user, char[] password) {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    // LoginContext loads the realm's login module class through the context class loader.
    t.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
    try {
      Subject subject = new Subject();
      LoginContext lc =
          new LoginContext(
              realm,
              subject,
              callbacks -> {
                for (var cb : callbacks) {
                  if (cb instanceof NameCallback n) {
                    n.setName(user);
                  } else if (cb instanceof PasswordCallback p) {
                    p.setPassword(password);
                  } else {
                    throw new UnsupportedCallbackException(cb);
                  }
                }
              });
      lc.login();
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (Principal p : subject.getPrincipals()) {
        if (p instanceof RolePrincipal || p.getClass().getSimpleName().contains("Role")) {
          Role.fromRealmName(p.getName()).ifPresent(roles::add);
        }
      }
      lc.logout();
      return Optional.of(new Actor(user, roles, Actor.Channel.REST));
    } catch (LoginException e) {
      return Optional.empty();
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  private String hash(String user, char[] password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt);
      md.update(user.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(new String(password).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
