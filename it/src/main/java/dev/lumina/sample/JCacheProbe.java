package dev.lumina.sample;

import java.lang.reflect.Method;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * What the revocation store of a {@code jcache} deployment works on, seen from the application: the JCache
 * provider that {@link Caching} gives the WAR for Lumina's settings (asked the way Lumina asks), its Hazelcast
 * member and the one Payara binds at {@code payara/Hazelcast}, and the entries of the revocation cache.
 *
 * <p>Only {@link #describe} is called from outside, and it touches the JCache API only after checking that the
 * server offers it: WildFly gives a deployment no {@code javax.cache}, and this class then answers
 * {@code {"jcache": false}} instead of failing to link.
 */
final class JCacheProbe {

    private JCacheProbe() {
    }

    static JsonObject describe(String cacheName, String subject) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        try {
            Class.forName("javax.cache.Caching", false, JCacheProbe.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return json.add("jcache", false).build();
        }
        return Present.describe(cacheName, subject, json.add("jcache", true));
    }

    /** Loaded only when {@code javax.cache} is there. */
    private static final class Present {
        static JsonObject describe(String cacheName, String subject, JsonObjectBuilder json) {
            // the provider Lumina takes: lumina.auth.revocation.jcache.provider when set (a system property on Payara)
            String named = System.getProperty("lumina.auth.revocation.jcache.provider");
            CachingProvider provider = named == null ? Caching.getCachingProvider() : Caching.getCachingProvider(named);
            CacheManager manager = provider.getCacheManager();
            json.add("provider", provider.getClass().getName());
            Object member = call(manager, "getHazelcastInstance");
            json.add("member", member == null ? "" : String.valueOf(call(member, "getName")));
            Object cluster = member == null ? null : call(member, "getCluster");
            Object members = cluster == null ? null : call(cluster, "getMembers");
            json.add("clusterSize", members instanceof java.util.Collection<?> c ? c.size() : -1);
            json.add("payaraMember", payaraMember());
            Cache<String, String> cache = manager.getCache(cacheName, String.class, String.class);
            if (cache == null) {
                return json.add("cache", false).build();
            }
            int entries = 0;
            boolean hasSubject = false;
            for (Cache.Entry<String, String> e : cache) {
                entries++;
                hasSubject |= subject != null && e.getKey().endsWith(":" + subject);
            }
            return json.add("cache", true).add("entries", entries).add("hasSubject", hasSubject).build();
        }

        /** The name of the Hazelcast member Payara runs (bound in JNDI); empty elsewhere. */
        private static String payaraMember() {
            try {
                Object hz = new InitialContext().lookup("payara/Hazelcast");
                return String.valueOf(call(hz, "getName"));
            } catch (NamingException | RuntimeException e) {
                return "";
            }
        }

        /** A public no-argument method by name (Hazelcast's own classes are not on the sample's class path). */
        private static Object call(Object target, String method) {
            try {
                Method m = target.getClass().getMethod(method);
                m.setAccessible(true);
                return m.invoke(target);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
