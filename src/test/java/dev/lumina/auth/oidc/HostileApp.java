package dev.lumina.auth.oidc;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestSecrets;
import java.util.function.BiConsumer;

/** The embedded application signing in against a {@link HostileIdp}, with the recorders its tests read. */
final class HostileApp implements AutoCloseable {
    final HostileIdp idp = new HostileIdp();
    final LuminaServer app;
    final RecordedEvents events;
    final ProfileDecider decider;

    /** @param providers adds the providers under test (and any other property), given the provider to name issuers */
    HostileApp(BiConsumer<HostileIdp, LuminaServer.Builder> providers) {
        LuminaServer.Builder b = LuminaServer.builder().port(0).property("lumina.auth.secret", TestSecrets.A)
                .classes(ProbeResource.class, RecordedEvents.class, ProfileDecider.class);
        providers.accept(idp, b);
        try {
            app = b.start();
        } catch (RuntimeException e) {
            idp.close();
            throw e;
        }
        events = app.beans().select(RecordedEvents.class).get();
        decider = app.beans().select(ProfileDecider.class).get();
    }

    /** An OIDC provider {@code id} at {@code issuer}, with the client the hostile provider expects. */
    static LuminaServer.Builder oidc(LuminaServer.Builder b, String id, String issuer) {
        return b.property("lumina.auth.providers." + id + ".type", "oidc")
                .property("lumina.auth.providers." + id + ".issuer", issuer)
                .property("lumina.auth.providers." + id + ".client-id", HostileIdp.CLIENT_ID)
                .property("lumina.auth.providers." + id + ".client-secret", "rp-secret");
    }

    /** Before each test: the provider's behaviour, the recorded events and the profile decisions back to normal. */
    void reset() {
        idp.reset();
        events.clear();
        decider.reset();
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            idp.close();
        }
    }
}
