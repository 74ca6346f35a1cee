package dev.lumina.auth.testing;

import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the fuzz tests share. They run their saved inputs (src/test/resources/.../&lt;Class&gt;Inputs/&lt;method&gt;/)
 * in every {@code mvn test}; {@code JAZZER_FUZZ=1} fuzzes one of them (docs/security.md, "Fuzzing"). A fuzz
 * target lets through only the documented refusals ({@code AuthException}, {@code PostedFields.RefusedBody});
 * any other exception, or a broken invariant, is a finding.
 */
public final class FuzzSupport {
    /** Held, so java.util.logging keeps the level: a fuzzer's millions of refusals would flood the console. */
    private static final Logger LUMINA = Logger.getLogger("dev.lumina");

    private FuzzSupport() {
    }

    /** Silences Lumina's log lines for the fuzz run. */
    public static void quiet() {
        LUMINA.setLevel(Level.OFF);
    }

    /** Lumina's log lines as before. */
    public static void loud() {
        LUMINA.setLevel(null);
    }

    /** The input as text, as a cookie or parameter would arrive (invalid UTF-8 replaced). */
    public static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The input cut at its first newline: the part before, and the rest. */
    public static String[] split(byte[] data) {
        String s = text(data);
        int nl = s.indexOf('\n');
        return nl < 0 ? new String[] {s, ""} : new String[] {s.substring(0, nl), s.substring(nl + 1)};
    }

    /** Fails the fuzz run when an invariant does not hold. */
    public static void check(boolean invariant, String what) {
        if (!invariant) {
            throw new IllegalStateException("invariant broken: " + what);
        }
    }
}
