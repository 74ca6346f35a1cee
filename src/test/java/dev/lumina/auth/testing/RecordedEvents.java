package dev.lumina.auth.testing;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.SignedIn;
import dev.lumina.auth.SignedOut;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes Lumina's events so tests can assert what fired, and how often. */
@ApplicationScoped
public class RecordedEvents {
    private final List<Object> events = new CopyOnWriteArrayList<>();

    void failed(@Observes AuthFailed e) {
        events.add(e);
    }

    void signedIn(@Observes SignedIn e) {
        events.add(e);
    }

    void signedOut(@Observes SignedOut e) {
        events.add(e);
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        events.clear();
    }
}
