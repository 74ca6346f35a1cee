package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.Session;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request-scoped bean finds the filter's result when first asked, or is told it where the runtime cannot tell. */
class CurrentSessionTest {
    /** Answers what it is given, in turn; {@code null} once they run out. */
    static final class Answers implements SignedInRequests {
        final Deque<SignedInRequest> next = new ArrayDeque<>();
        int asked;

        @Override
        public SignedInRequest current() {
            asked++;
            return next.poll();
        }

        @Override
        public boolean canTell() {
            return true;
        }
    }

    static SignedInRequest signedIn(String subject) {
        return new SignedInRequest(Session.builder().subject(subject).build(), List.of("lumina.session=x"), true);
    }

    static CurrentSession bean(Answers answers) {
        CurrentSession bean = new CurrentSession();
        bean.requests = answers;
        return bean;
    }

    @Test
    void whatIsFoundIsKeptForTheRestOfTheRequest() {
        Answers answers = new Answers();
        answers.next.add(signedIn("alice"));
        answers.next.add(signedIn("bob"));
        CurrentSession bean = bean(answers);
        assertEquals("alice", bean.get().subject());
        assertEquals("alice", bean.get().subject());
        assertTrue(bean.secure());
        assertEquals(List.of("lumina.session=x"), bean.cookieHeaders());
        assertEquals(1, answers.asked);
    }

    @Test
    void anAnonymousRequestIsAskedAgainAndChangesNothing() {
        Answers answers = new Answers();
        CurrentSession bean = bean(answers);
        assertFalse(bean.get().isAuthenticated());
        assertFalse(bean.secure());
        assertEquals(List.of(), bean.cookieHeaders());
        bean.respondWith(List.of("a=b"));
        bean.end();
        assertFalse(bean.ended());
        assertEquals(6, answers.asked);
    }

    @Test
    void whatTheFilterToldIsUsedWithoutAsking() {
        Answers answers = new Answers();
        answers.next.add(signedIn("mallory"));
        CurrentSession bean = bean(answers);
        SignedInRequest told = signedIn("carol");
        bean.signedIn(told);
        assertEquals("carol", bean.get().subject());
        bean.respondWith(List.of("lumina.tokens=1"));
        bean.end();
        assertTrue(bean.ended());
        assertEquals(List.of("lumina.tokens=1"), told.responseCookies());
        assertTrue(told.ended());
        assertEquals(0, answers.asked);
    }
}
