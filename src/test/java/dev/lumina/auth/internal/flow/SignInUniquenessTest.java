package dev.lumina.auth.internal.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.Profile;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.testing.TestSecrets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * S23: many sign-ins give unique state, nonce and PKCE verifier, each of its full size. (The flood of S71, with
 * heap figures, is a benchmark: {@code mvn -B -Pbench -Dbench.main=dev.lumina.auth.bench.SignInFloodBenchmark}.)
 */
class SignInUniquenessTest {
    static final int COUNT = 2_000;

    static final class FixedProvider implements OAuthProvider {
        @Override
        public ProviderConfig config() {
            return ProviderConfig.builder("p", ProviderType.OIDC).clientId("c").build();
        }

        @Override
        public URI authorizationEndpoint() {
            return URI.create("https://idp.example/authorize");
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
            return Optional.empty();
        }

        @Override
        public Profile profile(String code, URI redirectUri, String verifier, String nonce) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void s23_manySignInsGiveUniqueStateNonceAndVerifierOfFullSize() {
        AuthConfig config = AuthConfig.builder().secrets(TestSecrets.A).build();
        FlowSeal seal = new FlowSeal(new JoseTokens(KeyRing.of(config.secrets()), Duration.ofSeconds(60)),
                Duration.ofMinutes(10), Clock.systemUTC());
        OAuthSignIn signIn = new OAuthSignIn(seal);
        OAuthProvider provider = new FixedProvider();
        Set<String> states = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        Set<String> verifiers = new HashSet<>();
        for (int i = 0; i < COUNT; i++) {
            OAuthSignIn.Started s = signIn.start(provider, "/", "/e", URI.create("https://app.example/auth/callback/p"));
            FlowState f = seal.open(s.flowCookie());
            assertTrue(f.state().matches("[A-Za-z0-9_-]{22}"), "128-bit state");
            assertTrue(f.nonce().matches("[A-Za-z0-9_-]{22}"), "128-bit nonce");
            assertTrue(f.verifier().matches("[A-Za-z0-9_-]{43}"), "256-bit verifier");
            states.add(f.state());
            nonces.add(f.nonce());
            verifiers.add(f.verifier());
        }
        assertEquals(COUNT, states.size());
        assertEquals(COUNT, nonces.size());
        assertEquals(COUNT, verifiers.size());
    }
}
