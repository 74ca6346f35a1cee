package dev.lumina.auth.internal.flow;

import static dev.lumina.auth.testing.FuzzSupport.check;
import static dev.lumina.auth.testing.FuzzSupport.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Profile;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyPurpose;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.testing.FuzzSupport;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzing of what a sign-in reads before anybody is known: the flow cookie as sent, a flow payload sealed with
 * the application's own key, the callback's parameters (step 5, with the rules of RFC 6749 3.1 and RFC 9207 as
 * the oracle), and redirect targets (with a browser's resolution of the URL as the oracle).
 */
class FlowInputsFuzzTest {
    private static final KeyRing KEYS = new SessionMinter(TestSecrets.A).keys();
    private static final FlowSeal SEAL = new FlowSeal(new JoseTokens(KEYS, Duration.ofSeconds(60)), Duration.ofMinutes(10),
            Clock.systemUTC());
    private static final String STATE = "st8";
    private static final String ISSUER = "https://idp.example";
    private static final FlowState FLOW = new FlowState("dev", STATE, "v".repeat(43), "n", "/home", "/oops",
            URI.create("http://127.0.0.1/auth/callback/dev"));
    private static final RedirectValidator REDIRECTS = new RedirectValidator(Set.of("https://app.example.com"));
    private static final URI APP = URI.create("https://app.example.com/base/page");

    @BeforeAll
    static void quiet() {
        FuzzSupport.quiet();
    }

    @AfterAll
    static void loud() {
        FuzzSupport.loud();
    }

    private static void open(String cookie) {
        try {
            FlowState s = SEAL.open(cookie);
            check(s.provider() != null && s.state() != null && s.verifier() != null && s.redirectUri() != null, "complete flow");
        } catch (AuthException e) {
            check(e.error() == AuthError.STATE_INVALID, "only state_invalid: " + e.error());
        }
    }

    @FuzzTest
    void flowCookie(byte[] data) {
        open(text(data));
    }

    @FuzzTest
    void sealedFlowPayload(byte[] payload) throws JoseException {
        KeyRing.Key key = KEYS.current(KeyPurpose.FLOW);
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPlaintext(payload);
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKeyIdHeaderValue(key.kid());
        jwe.setKey(key.secretKey());
        open(jwe.getCompactSerialization());
    }

    /** A provider that signs in whoever brings a code, so that only step (5) decides. */
    private record Provider(boolean requiresIss) implements OAuthProvider {
        @Override
        public ProviderConfig config() {
            throw new UnsupportedOperationException();
        }

        @Override
        public URI authorizationEndpoint() {
            return URI.create(ISSUER + "/authorize");
        }

        @Override
        public List<String> scopes() {
            return List.of("openid");
        }

        @Override
        public boolean usesNonce() {
            return true;
        }

        @Override
        public Optional<String> issuer() {
            return Optional.of(ISSUER);
        }

        @Override
        public boolean requiresIssParameter() {
            return requiresIss;
        }

        @Override
        public Profile profile(String code, URI redirectUri, String verifier, String nonce) {
            return Profile.of("dev", "alice", null, null);
        }
    }

    /** A query string read the way the runtimes read one: {@code &}-separated, percent-decoded, values kept per name. */
    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                m.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // the runtime would have refused it before Lumina
            }
        }
        return m;
    }

    @FuzzTest
    void callbackParameters(byte[] data) {
        boolean requiresIss = data.length > 0 && (data[0] & 1) == 1;
        Map<String, List<String>> params = query(text(data).substring(data.length > 0 ? 1 : 0));
        try {
            Profile p = new OAuthCallback(SEAL).complete(new Provider(requiresIss), FLOW, params);
            check(p != null, "a profile");
            check(params.values().stream().allMatch(v -> v.size() == 1), "no repeated parameter signs in");
            check(params.get("state").get(0).equals(STATE), "the state of the flow");
            check(!params.get("code").get(0).isEmpty(), "a code");
            check(!params.containsKey("error"), "no error parameter");
            check(params.containsKey("iss") ? params.get("iss").get(0).equals(ISSUER) : !requiresIss, "iss by RFC 9207");
        } catch (AuthException e) {
            check(Set.of(AuthError.STATE_INVALID, AuthError.PROVIDER_ERROR, AuthError.ACCESS_DENIED).contains(e.error()),
                    "a documented code: " + e.error());
        }
    }

    @FuzzTest
    void redirectTargets(byte[] data) {
        String target = text(data);
        boolean allowed = REDIRECTS.isAllowed(target);
        try {
            check(REDIRECTS.validate(target, "/fallback") != null, "a target");
        } catch (AuthException e) {
            check(e.error() == AuthError.INVALID_REDIRECT && !allowed, "only invalid_redirect, only for a refused target");
        }
        if (!allowed) {
            return;
        }
        URI resolved = APP.resolve(URI.create(target));
        check("app.example.com".equalsIgnoreCase(resolved.getHost()), "an allowed target stays on an allowed origin: " + target);
        check("https".equalsIgnoreCase(resolved.getScheme()), "and on its scheme");
        for (char c : target.toCharArray()) {
            check(c > 0x20 && c != 0x7f && c != '\\', "no character a browser strips or reinterprets");
        }
    }
}
