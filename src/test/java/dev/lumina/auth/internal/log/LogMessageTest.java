package dev.lumina.auth.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The log catalogue is the one place ids live, in the documented ranges, and the README lists each. */
class LogMessageTest {

    @Test
    void idsAreUniqueAndInTheirRange() {
        Set<Integer> seen = new HashSet<>();
        for (LogMessage m : LogMessage.values()) {
            assertTrue(seen.add(m.id()), m + " reuses id " + m.id());
            assertTrue(m.id() >= 1 && m.id() <= 4999, m + " is outside every range");
        }
        assertRange(0, "CONFIGURATION_INVALID", "ACTIVE", "NO_PROFILE_OBSERVER", "NO_CREDENTIALS_OBSERVER");
        assertRange(1, "SESSION_COOKIE_REJECTED", "SESSION_RENEWAL_SKIPPED", "SIGNED_OUT_OBSERVER_FAILED");
        assertRange(4, "CREDENTIALS_WITHOUT_OBSERVER", "CREDENTIALS_OBSERVER_FAILED", "CREDENTIALS_REFUSED");
        for (LogMessage m : LogMessage.values()) {
            if (m.name().startsWith("DISCOVERY_") || m.name().startsWith("TOKEN_") || m.name().startsWith("JWKS_")) {
                assertEquals(3, m.id() / 1000, m + " belongs to the providers' range");
            }
        }
    }

    private static void assertRange(int thousands, String... names) {
        for (String n : names) {
            assertEquals(thousands, LogMessage.valueOf(n).id() / 1000, n);
        }
    }

    @Test
    void theReadmeListsEveryIdWithItsLevel() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (LogMessage m : LogMessage.values()) {
            String row = readme.lines().filter(l -> l.startsWith("| `" + m.code() + "`")).findFirst().orElse("");
            assertTrue(!row.isEmpty(), m.code() + " (" + m + ") is missing from the README's log table");
            assertTrue(row.contains("| " + level(m.level()) + " |"), m.code() + ": README level differs: " + row);
        }
    }

    private static String level(Level level) {
        return level.name();
    }

    @Test
    void noLogIdIsWrittenOutsideTheCatalogue() throws IOException {
        Pattern inline = Pattern.compile("LUMINA-\\d|LOG\\.(info|warn|error|debug)\\(\\s*\\d");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = inline.matcher(Files.readString(f));
                if (m.find() && !f.endsWith("LogMessage.java")) {
                    found.add(f + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void anArgumentCannotForgeALineButAListKeepsItsLines() {
        assertEquals("a\\u000aLUMINA-0001 forged", LuminaLog.sanitize("a\nLUMINA-0001 forged"));
        assertEquals("x".repeat(512) + "...", LuminaLog.sanitize("x".repeat(600)));
        String list = LuminaLog.bulleted(List.of("one\ntwo", "y".repeat(600)));
        assertEquals("\n  - one\\u000atwo\n  - " + "y".repeat(600), list);
    }
}
