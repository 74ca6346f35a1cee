package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Profile;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Steps (5)-(7) for every OAuth provider. (5) the flow cookie must open and belong to this provider, and the
 * returned {@code state} must equal the sealed one (constant-time) before anything else is believed, the
 * provider's {@code error} included; only then is the code exchanged (6) and the identity checked (7). A
 * missing or bad flow cookie ends here with {@code state_invalid}: the browser is never sent back to the
 * provider (no redirect loop, S17).
 */
public final class OAuthCallback {
    /** Longest value of an authorization-response parameter that is believed. */
    static final int MAX_PARAMETER_CHARS = 4096;
    private final FlowSeal seal;

    public OAuthCallback(FlowSeal seal) {
        this.seal = seal;
    }

    /**
     * (5) Opens the flow cookie of a callback; the caller checks that it belongs to the callback's provider (a
     * flow of another provider is another sign-in of the browser, whose cookie stays).
     */
    public FlowState open(String flowCookie) {
        return seal.open(flowCookie);
    }

    /**
     * (5)-(7) The profile of the person who signed in. The authorization response is read by the rules of
     * RFC 6749 section 3.1 and RFC 9207:
     * <ul>
     * <li>every parameter appears at most once: a repeated one (any name) is {@code state_invalid}, before
     * anything of the response is believed;</li>
     * <li>{@code state} is required and equals the sealed one;</li>
     * <li>a present {@code error}, even empty, ends the sign-in ({@code access_denied} or
     * {@code provider_error});</li>
     * <li>{@code iss}, when present, is not empty and equals the issuer; when the provider advertises
     * {@code authorization_response_iss_parameter_supported}, it is required ({@code state_invalid});</li>
     * <li>{@code code} is required and not empty ({@code provider_error}).</li>
     * </ul>
     *
     * @param params the callback's query (GET) or form (POST) parameters
     */
    public Profile complete(OAuthProvider provider, FlowState flow, Map<String, List<String>> params) {
        checkNoRepeats(params);
        String state = single(params, "state").filter(s -> !s.isEmpty())
                .orElseThrow(() -> new AuthException(AuthError.STATE_INVALID, "no state"));
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), flow.state().getBytes(StandardCharsets.UTF_8))) {
            throw new AuthException(AuthError.STATE_INVALID, "state differs from the flow cookie's");
        }
        Optional<String> error = single(params, "error");
        if (error.isPresent()) {
            // RFC 6749 4.1.2.1; the provider's error_description is never passed on
            throw error.get().equals("access_denied")
                    ? new AuthException(AuthError.ACCESS_DENIED, "cancelled at the provider")
                    : new AuthException(AuthError.PROVIDER_ERROR, "the provider answered with an error");
        }
        checkIss(provider, single(params, "iss"));
        String code = single(params, "code").filter(c -> !c.isEmpty())
                .orElseThrow(() -> new AuthException(AuthError.PROVIDER_ERROR, "callback without code (only the code flow is used)"));
        return provider.profile(code, flow.redirectUri(), flow.verifier(), flow.nonce());
    }

    /** RFC 6749 section 3.1: "Request and response parameters MUST NOT be included more than once." */
    static void checkNoRepeats(Map<String, List<String>> params) {
        for (List<String> values : params.values()) {
            if (values != null && values.size() > 1) {
                throw new AuthException(AuthError.STATE_INVALID, "authorization response with a repeated parameter");
            }
        }
    }

    /** RFC 9207 section 2.4: compare {@code iss} when present; require it when the provider advertises it. */
    private static void checkIss(OAuthProvider provider, Optional<String> iss) {
        if (iss.isEmpty()) {
            if (provider.requiresIssParameter()) {
                throw new AuthException(AuthError.STATE_INVALID, "callback without iss, which the provider advertises (RFC 9207)");
            }
            return;
        }
        Optional<String> expected = provider.issuer();
        if (iss.get().isEmpty() || expected.isEmpty() || !iss.get().equals(expected.get())) {
            throw new AuthException(AuthError.STATE_INVALID, "callback iss is not the provider's issuer (RFC 9207)");
        }
    }

    /**
     * The one value of a parameter (possibly empty); absent when not sent. Repeats were refused before; an
     * overlong value is no value of a real provider and counts as a malformed response.
     */
    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        String value = v.get(0) == null ? "" : v.get(0);
        if (value.length() > MAX_PARAMETER_CHARS) {
            throw new AuthException(AuthError.STATE_INVALID, "callback parameter " + name + " too long");
        }
        return Optional.of(value);
    }
}
