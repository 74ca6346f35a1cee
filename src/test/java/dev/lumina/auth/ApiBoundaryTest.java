package dev.lumina.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API packages are what applications compile against: they never reach into the internals. */
class ApiBoundaryTest {
    private static final Path ROOT = Path.of("src/main/java/dev/lumina/auth");
    private static final List<String> API = List.of("", "provider", "config", "spi");

    @Test
    void apiPackagesNeverImportInternal() throws IOException {
        int checked = 0;
        for (String pkg : API) {
            Path dir = ROOT.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    assertTrue(!source.contains("dev.lumina.auth.internal"), file + " uses dev.lumina.auth.internal");
                    checked++;
                }
            }
        }
        assertTrue(checked > 10, "only " + checked + " API files found: is the path right?");
    }

    @Test
    void apiTypesAreFinalRecordsEnumsOrInterfaces() throws Exception {
        for (Class<?> type : List.of(Session.class, Profile.class, TokenSet.class, AuthError.class, AuthException.class,
                ProfileReceived.class, CredentialsSubmitted.class, AuthFailed.class, SignedIn.class, SignedOut.class)) {
            boolean ok = type.isInterface() || type.isEnum() || type.isRecord()
                    || java.lang.reflect.Modifier.isFinal(type.getModifiers());
            assertTrue(ok, type + " must be final, a record, an enum or an interface");
        }
        assertEquals(0, Session.class.getConstructors().length, "Session is built with its builder");
    }
}
