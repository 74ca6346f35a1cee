package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.session.CsrfTokens;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.CookieNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    public void require(AuthRequest request) {
        String cookie = request.cookie(CookieNames.CSRF).orElse(null);
        String submitted = request.fields().first(FIELD).orElse(request.csrfHeader());
        if (cookie == null || !tokens.matches(cookie, submitted)) {
            throw new AuthException(AuthError.CSRF_INVALID, "CSRF token missing or not matching its cookie");
        }
    }
}
