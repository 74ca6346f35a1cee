package dev.lumina.auth.config;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where revocations (sign-out, "sign out everywhere", back-channel logout) are kept: in this node's memory (the
 * default, one node), or in a JCache (JSR-107) cache that every node of a cluster shares.
 *
 * <pre>{@code
 * AuthConfig.builder()...revocation(RevocationConfig.jcache("lumina-revocations", null, null)).build();
 * }</pre>
 *
 * @param store          {@code memory} or {@code jcache} ({@link ConfigKey#REVOCATION_STORE})
 * @param cacheName      the JCache cache name ({@link ConfigKey#REVOCATION_CACHE_NAME})
 * @param jcacheProvider class name of the {@code javax.cache.spi.CachingProvider}, or {@code null} for the
 *                       default one ({@link ConfigKey#REVOCATION_JCACHE_PROVIDER})
 * @param jcacheUri      the provider's configuration URI, or {@code null} for its default
 *                       ({@link ConfigKey#REVOCATION_JCACHE_URI})
 */
public record RevocationConfig(Store store, String cacheName, String jcacheProvider, URI jcacheUri) {

    /** The kinds of store. */
    public enum Store {
        /** This node's memory: revocations are seen by this node only. */
        MEMORY,
        /** A JCache cache shared by the cluster, read on the request path from a local, event-updated copy. */
        JCACHE;

        /** The store for a configured value ({@code memory}, {@code jcache}); empty for anything else. */
        public static Optional<Store> parse(String value) {
            for (Store s : values()) {
                if (s.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RevocationConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(cacheName, "cacheName");
    }

    /** The defaults of {@link ConfigKey}: this node's memory. */
    public static RevocationConfig memory() {
        return new RevocationConfig(Store.MEMORY, ConfigKey.REVOCATION_CACHE_NAME.defaultValue(), null, null);
    }

    /** A JCache cache of that name, from the given provider and URI ({@code null}: the defaults). */
    public static RevocationConfig jcache(String cacheName, String provider, URI uri) {
        return new RevocationConfig(Store.JCACHE, cacheName, provider, uri);
    }
}
