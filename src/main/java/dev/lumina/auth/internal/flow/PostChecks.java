package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.PostedFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Step (1), the checks a state-changing POST makes before anything else: the CSRF token, then the target
 * URLs ({@code callbackUrl}, {@code errorUrl}), each allowed by {@link RedirectValidator} or defaulted.
 * Sign-in and sign-out share it, so the order of the checks is the same everywhere.
 */
@ApplicationScoped
public class PostChecks {
    public static final String CALLBACK_URL = "callbackUrl";
    public static final String ERROR_URL = "errorUrl";

    @Inject
    AuthConfig config;
    @Inject
    CsrfCheck csrf;
    @Inject
    RedirectValidator redirects;

    /**
     * (1) The CSRF token and both targets of a sign-in.
     *
     * @throws AuthException {@code csrf_invalid} or {@code invalid_redirect}
     */
    public Targets signIn(AuthRequest request) {
        csrf.require(request);
        return new Targets(callbackUrl(request), redirects.validate(target(request, ERROR_URL), defaultErrorUrl(request)));
    }

    /**
     * The CSRF token of a sign-out; its target is checked apart ({@link #callbackUrl}), since a sign-out with a
     * refused target still signs out.
     *
     * @throws AuthException {@code csrf_invalid}
     */
    public void signOut(AuthRequest request) {
        csrf.require(request);
    }

    /** The validated {@code callbackUrl}, or the application root when there is none. */
    public String callbackUrl(AuthRequest request) {
        return redirects.validate(target(request, CALLBACK_URL), request.facts().path(""));
    }

    /** A target field; one sent over the length of a field is refused as what it is, a bad target. */
    private static String target(AuthRequest request, String field) {
        if (request.fields().isOversized(field)) {
            throw new AuthException(AuthError.INVALID_REDIRECT, field + " longer than " + PostedFields.MAX_VALUE_CHARS);
        }
        return request.fields().first(field).orElse(null);
    }

    /** The built-in or configured error page of this request. */
    public String defaultErrorUrl(AuthRequest request) {
        return request.facts().errorPage(config.errorPage());
    }
}
