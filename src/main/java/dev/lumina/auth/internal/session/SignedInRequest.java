package dev.lumina.auth.internal.session;

import dev.lumina.auth.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * What a signed-in request carries besides its session, as a plain object the session filter makes and keeps as a
 * request property: the request-scoped {@link CurrentSession} is told once, and the response filter reads the
 * outcome here, without a call through the CDI proxy (each such call is a context lookup).
 *
 * <p>The {@code Cookie} headers are kept by reference and the secure flag with them, for whoever reads another of
 * Lumina's cookies later in the request (the provider tokens, decoded only when the application asks for them):
 * the filter parses nothing more than the session cookie.
 */
public final class SignedInRequest {
    private final Session session;
    private final List<String> cookieHeaders;
    private final boolean secure;
    private List<String> responseCookies;
    private boolean ended;

    public SignedInRequest(Session session, List<String> cookieHeaders, boolean secure) {
        this.session = session;
        this.cookieHeaders = cookieHeaders;
        this.secure = secure;
    }

    public Session session() {
        return session;
    }

    public List<String> cookieHeaders() {
        return cookieHeaders;
    }

    public boolean secure() {
        return secure;
    }

    /** {@code Set-Cookie} values the response must carry (refreshed provider tokens, say). */
    public void respondWith(List<String> setCookies) {
        if (responseCookies == null) {
            responseCookies = new ArrayList<>(setCookies.size());
        }
        responseCookies.addAll(setCookies);
    }

    /** What {@link #respondWith} collected; empty for almost every request. */
    public List<String> responseCookies() {
        return responseCookies == null ? List.of() : responseCookies;
    }

    /** The session was ended during the request (a refused token refresh, when so configured): no renewal. */
    public void end() {
        ended = true;
    }

    public boolean ended() {
        return ended;
    }
}
