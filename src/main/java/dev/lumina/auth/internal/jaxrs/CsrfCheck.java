package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.session.CookieNames;
import dev.lumina.auth.internal.session.CsrfTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The CSRF check of every state-changing endpoint: the token sent as form field {@code csrfToken} or
 * header {@code X-CSRF-Token} must equal the one bound in the request's {@code lumina.csrf} cookie.
 */
@ApplicationScoped
public class CsrfCheck {
    public static final String FIELD = "csrfToken";
    public static final String HEADER = "X-CSRF-Token";

    @Inject
    CsrfTokens tokens;

    /** @throws AuthException {@code csrf_invalid} when the token is missing or does not match */
    public void require(HttpHeaders headers, RequestFacts facts, PostedFields fields) {
        Cookie cookie = headers.getCookies().get(CookieNames.CSRF.name(facts.secure()));
        String submitted = fields.first(FIELD).orElseGet(() -> headers.getHeaderString(HEADER));
        if (cookie == null || !tokens.matches(cookie.getValue(), submitted)) {
            throw new AuthException(AuthError.CSRF_INVALID, "CSRF token missing or not matching its cookie");
        }
    }
}
