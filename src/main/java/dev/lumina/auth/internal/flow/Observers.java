package dev.lumina.auth.internal.flow;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;

/** Questions about the application's observers, asked at deployment. */
public final class Observers {
    private Observers() {
    }

    /**
     * {@code true} when some {@code @Observes} (not {@code @ObservesAsync}) method takes the event: only those
     * can decide a sign-in, since the library reads the event's outcome right after firing it.
     */
    public static boolean hasSynchronous(BeanManager beans, Object probe) {
        return beans.resolveObserverMethods(probe).stream().anyMatch(o -> !((ObserverMethod<?>) o).isAsync());
    }
}
