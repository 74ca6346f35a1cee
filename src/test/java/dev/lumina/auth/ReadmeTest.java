package dev.lumina.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.config.ProviderKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's tables are part of the contract: every key, default and error code appears there. */
class ReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void everyConfigKeyIsDocumentedWithItsDefault() throws IOException {
        String readme = readme();
        for (ConfigKey key : ConfigKey.values()) {
            String row = readme.lines().filter(l -> l.startsWith("| `" + key.key() + "`")).findFirst().orElse("");
            assertTrue(!row.isEmpty(), key.key() + " is missing from the README's configuration table");
            if (key.defaultValue() != null && !key.defaultValue().isEmpty()) {
                assertTrue(row.contains("`" + key.defaultValue() + "`"), key.key() + ": README default differs from " + key.defaultValue());
            }
        }
    }

    @Test
    void everyProviderKeyAndErrorCodeIsDocumented() throws IOException {
        String readme = readme();
        for (ProviderKey key : ProviderKey.values()) {
            assertTrue(readme.contains("`" + key.suffix() + "`"), key.suffix());
        }
        for (AuthError error : AuthError.values()) {
            assertTrue(readme.contains("`" + error.code() + "`"), error.code());
        }
    }
}
