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
    private final FlowSeal seal;

    public OAuthCallback(FlowSeal seal) {
        this.seal = seal;
    }

    /** (5) Opens the flow cookie of a callback for {@code providerId}. */
    public FlowState open(String providerId, String flowCookie) {
        FlowState flow = seal.open(flowCookie);
        if (!flow.provider().equals(providerId)) {
            throw new AuthException(AuthError.STATE_INVALID, "flow cookie belongs to another provider");
        }
        return flow;
    }

    /**
     * (5)-(7) The profile of the person who signed in.
     *
     * @param params the callback's query (GET) or form (POST) parameters
     */
    public Profile complete(OAuthProvider provider, FlowState flow, Map<String, List<String>> params) {
        String state = single(params, "state").orElseThrow(() -> new AuthException(AuthError.STATE_INVALID, "no state"));
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
        Optional<String> iss = single(params, "iss");
        if (iss.isPresent() && provider.issuer().isPresent() && !iss.get().equals(provider.issuer().get())) {
            throw new AuthException(AuthError.STATE_INVALID, "callback iss is not the provider's issuer (RFC 9207)");
        }
        String code = single(params, "code")
                .orElseThrow(() -> new AuthException(AuthError.PROVIDER_ERROR, "callback without code (only the code flow is used)"));
        return provider.profile(code, flow.redirectUri(), flow.verifier(), flow.nonce());
    }

    /** The one value of a parameter; empty when absent, blank or repeated. */
    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.size() != 1 || v.get(0) == null || v.get(0).isEmpty() || v.get(0).length() > 4096) {
            return Optional.empty();
        }
        return Optional.of(v.get(0));
    }
}
