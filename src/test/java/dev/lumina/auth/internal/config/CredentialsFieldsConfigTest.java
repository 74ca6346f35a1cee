package dev.lumina.auth.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.testing.TestSecrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** lumina.auth.providers.<id>.fields: the credentials form's fields. */
class CredentialsFieldsConfigTest {
    private static List<String> problems(List<String> fields) {
        return ConfigValidator.problems(AuthConfig.builder().secrets(TestSecrets.A)
                .provider(ProviderConfig.builder("login", ProviderType.CREDENTIALS).fields(fields).build()).build());
    }

    @Test
    void defaultsToEmailAndPasswordAndIsReadFromProperties() {
        assertEquals(List.of("email", "password"), ProviderConfig.builder("x", ProviderType.CREDENTIALS).build().fields());
        assertEquals(List.of(), ProviderConfig.builder("x", ProviderType.OIDC).build().fields());
        ConfigLoader.Result r = ConfigLoader.load(ConfigSources.over(Map.of(
                "lumina.auth.secret", TestSecrets.A,
                "lumina.auth.providers.login.type", "credentials",
                "lumina.auth.providers.login.fields", "email, password, otp")));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("email", "password", "otp"), r.config().provider("login").orElseThrow().fields());
    }

    @Test
    void unusableFieldNamesFailTheDeploymentNamingTheKey() {
        assertEquals(List.of(), problems(List.of("email", "password")));
        for (List<String> bad : List.of(List.of("csrfToken", "password"), List.of("user name"), List.of("a", "a"),
                List.of("<x>"), List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"))) {
            List<String> p = problems(bad);
            assertEquals(1, p.size(), bad + " -> " + p);
            assertTrue(p.get(0).startsWith("lumina.auth.providers.login.fields"), p.get(0));
        }
    }
}
