package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.web.RequestFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Says in the log, when a sign-in starts, that the page which started it is on another origin than the one
 * Lumina answers as (its public URL): the provider will send the browser back to Lumina's origin, where the
 * flow cookie set for the page's host is missing on another host ({@code state_invalid}, logged at the
 * callback) and where {@code callbackUrl} paths land. This is the dev-proxy mistake (a proxy that rewrites the
 * Host header, forwarded headers not trusted, a {@code base-url} of another origin), told at its start, with
 * the likely fix.
 *
 * <p>The page's origin is the browser's {@code Origin} header of the sign-in POST, checked only after step (1)
 * passed (the CSRF token), so only this site's own pages get here. One warning per page origin, for the first
 * {@value #REMEMBERED} origins only; an origin in {@code lumina.auth.allowed-origins} is deliberate and never
 * warned about.
 */
@ApplicationScoped
public class SignInOrigins {
    static final int REMEMBERED = 16;
    private static final LuminaLog LOG = LuminaLog.of(SignInOrigins.class);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");

    @Inject
    AuthConfig config;

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** After step (1) of a sign-in: warns once per page origin that differs from Lumina's public origin. */
    public void check(String providerId, HttpHeaders headers, RequestFacts facts) {
        Optional<String> page = origin(headers.getHeaderString("Origin"));
        String lumina = origin(facts.publicBase().toString()).orElse(null);
        if (page.isEmpty() || page.get().equals(lumina) || allowed(page.get())) {
            return;
        }
        if (warned.size() < REMEMBERED && warned.add(page.get())) {
            LOG.log(LogMessage.SIGN_IN_FROM_ANOTHER_ORIGIN, providerId, page.get(), lumina,
                    hint(headers.getHeaderString("X-Forwarded-Host")));
        }
    }

    private boolean allowed(String page) {
        return config.allowedOrigins().stream().map(SignInOrigins::origin).anyMatch(o -> o.equals(Optional.of(page)));
    }

    /** What most likely made the two origins differ, and what to set. */
    String hint(String forwardedHost) {
        if (config.baseUrl().isPresent()) {
            return "lumina.auth.base-url is set to " + config.baseUrl().get() + ": open the app at that origin only, or "
                    + "leave base-url unset in development behind a dev proxy";
        }
        if (forwardedHost != null && !config.trustForwardedHeaders()) {
            String host = HOST.matcher(forwardedHost.trim()).matches() ? forwardedHost.trim() : "(unusable)";
            return "the request came through a proxy (X-Forwarded-Host: " + host + ") whose forwarded headers Lumina "
                    + "ignores: set lumina.auth.trust-forwarded-headers=true when that proxy is yours, or let it keep "
                    + "the browser's Host header (Vite: changeOrigin: false)";
        }
        return "a proxy in front of Lumina rewrote the Host header: let it keep the browser's Host (Vite: "
                + "changeOrigin: false), or have it send X-Forwarded-Host and X-Forwarded-Proto and set "
                + "lumina.auth.trust-forwarded-headers=true";
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or empty when it is no http(s) origin. */
    static Optional<String> origin(String value) {
        if (value == null || value.isBlank() || value.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI u = new URI(value.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                return Optional.empty();
            }
            int port = u.getPort();
            boolean standard = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
