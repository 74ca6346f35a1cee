package dev.lumina.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * {@code @Inject @Current Session} in an {@code @ApplicationScoped} service and in a {@code @Stateless} EJB, both
 * called from a singleton resource: each request sees its own user, whoever came before.
 */
interface ScopeTests extends SampleApp {

    @Test
    default void scopeServiceAndEjbSeeTheUserOfEachRequestInTurn() {
        Browser carol = browser();
        Browser dave = browser();
        Browser.assertRedirect(carol.signInWithPassword("carol@example.com", "carol-password", carol.path("me"), carol.path("x")));
        Browser.assertRedirect(dave.signInWithPassword("dave@example.com", "dave-password", dave.path("me"), dave.path("x")));
        Browser nobody = browser();
        Browser[] order = {carol, dave, carol, nobody, dave, dave, carol, nobody, carol};
        String[] expected = {"carol@example.com", "dave@example.com", "carol@example.com", "anonymous", "dave@example.com",
                "dave@example.com", "carol@example.com", "anonymous", "carol@example.com"};
        for (int i = 0; i < order.length; i++) {
            HttpResponse<String> who = order[i].get("who");
            assertEquals(200, who.statusCode(), who.body());
            assertEquals(expected[i] + "|" + expected[i], who.body(), "request " + i + " (service|EJB)");
        }
    }
}
