package dev.lumina.auth.internal.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One request to an endpoint of Lumina, read once by the HTTP adapter into plain values: what the flow
 * steps need, and nothing of the HTTP runtime.
 *
 * @param method        {@code GET} or {@code POST}
 * @param facts         secure or not, public URLs
 * @param cookies       the request's cookies by name
 * @param csrfHeader    the {@code X-CSRF-Token} header, or {@code null}
 * @param query         the query parameters (each with all its values, so repeats can be refused)
 * @param fields        the POSTed form or JSON fields (empty for GET or a refused body)
 * @param bodyProblem   why the POSTed body was refused, or {@code null} when it was read (or absent)
 * @param json          the client asked for JSON rather than a redirect
 * @param html          the client asked for HTML explicitly (a browser navigation or form post)
 * @param clientAddressLookup finds the caller's address ({@link #clientAddress()}); asked only when an event needs
 *                      it (a credentials check, a failure): finding it costs the runtime an injection
 */
public record AuthRequest(String method, RequestFacts facts, Map<String, String> cookies, String csrfHeader,
                          Map<String, List<String>> query, PostedFields fields, PostedFields.Problem bodyProblem,
                          boolean json, boolean html, Supplier<String> clientAddressLookup) {

    /** The caller's address when known, or {@code null}; looked up once, when first asked. */
    public String clientAddress() {
        return clientAddressLookup.get();
    }

    public boolean isPost() {
        return "POST".equals(method);
    }

    /** The value of one of Lumina's cookies under the name this origin uses ({@code __Host-} on HTTPS). */
    public Optional<String> cookie(CookieNames cookie) {
        return Optional.ofNullable(cookies.get(cookie.name(facts.secure())));
    }

    /** The value of a cookie by its full name (a flow cookie, {@link CookieNames#flow}). */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    @Override
    public String toString() {
        return "AuthRequest[" + method + ", cookies=" + cookies.keySet() + ", json=" + json + "]";
    }
}
