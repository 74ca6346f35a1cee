package dev.lumina.auth.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.AllLogs;
import dev.lumina.auth.testing.AsyncProfileAccounts;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.TestSecrets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S75: an application that cannot decide on profiles is told so at deployment. */
class ProfileObserverWarningTest {

    private static List<String> warnings(Class<?>... classes) {
        try (AllLogs logs = AllLogs.info();
             LuminaServer ignored = LuminaServer.builder().port(0)
                     .property("lumina.auth.secret", TestSecrets.A)
                     .property("lumina.auth.providers.login.type", "credentials")
                     .classes(classes).start()) {
            return logs.luminaMessages().stream().filter(m -> m.startsWith("LUMINA-0003")).toList();
        }
    }

    @Test
    void s75_noProfileObserverWarnsAtDeployment() {
        List<String> w = warnings();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("default session"), w.get(0));
    }

    @Test
    void s75_anAsynchronousProfileObserverAloneCountsAsNone() {
        assertEquals(1, warnings(AsyncProfileAccounts.class).size());
    }

    @Test
    void aSynchronousProfileObserverIsEnough() {
        assertEquals(List.of(), warnings(ProfileDecider.class));
    }
}
