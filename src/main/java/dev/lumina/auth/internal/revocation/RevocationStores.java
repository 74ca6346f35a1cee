package dev.lumina.auth.internal.revocation;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.RevocationConfig;
import dev.lumina.auth.spi.RevocationStore;
import java.time.Clock;
import java.time.Duration;

/** The store the configuration names ({@code lumina.auth.revocation.store}). */
public final class RevocationStores {
    private RevocationStores() {
    }

    public static RevocationStore create(AuthConfig config, Clock clock) {
        Duration keep = config.sessionAbsoluteMaxAge().plus(config.clockSkew());
        if (config.revocation().store() == RevocationConfig.Store.JCACHE) {
            return jcache(config.revocation(), keep, clock);
        }
        return new MemoryRevocationStore(clock);
    }

    /** Its own method: the JCache API is optional, and only this path loads it. */
    private static RevocationStore jcache(RevocationConfig config, Duration keep, Clock clock) {
        return JCacheRevocationStore.open(config, keep, clock);
    }

    /** Stops what a store started (the JCache store's listener). */
    public static void close(RevocationStore store) {
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort at shutdown
            }
        }
    }
}
