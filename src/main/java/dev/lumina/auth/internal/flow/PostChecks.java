package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.web.AuthRequest;
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
        return new Targets(callbackUrl(request), redirects.validate(request.fields().first(ERROR_URL).orElse(null),
                defaultErrorUrl(request)));
    }

    /**
     * The CSRF token and the target of a sign-out.
     *
     * @throws AuthException {@code csrf_invalid} or {@code invalid_redirect}
     */
    public String signOut(AuthRequest request) {
        csrf.require(request);
        return callbackUrl(request);
    }

    /** The validated {@code callbackUrl}, or the application root when there is none. */
    public String callbackUrl(AuthRequest request) {
        return redirects.validate(request.fields().first(CALLBACK_URL).orElse(null), request.facts().path(""));
    }

    /** The built-in or configured error page of this request. */
    public String defaultErrorUrl(AuthRequest request) {
        return request.facts().errorPage(config.errorPage());
    }
}
