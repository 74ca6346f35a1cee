package dev.lumina.auth.internal.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedirectValidatorTest {
    private final RedirectValidator validator = new RedirectValidator(Set.of("https://app.example.com", "http://localhost:5173"));

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/a/b?x=1&y=%2F#frag", "https://app.example.com/x",
            "HTTPS://APP.example.com:443/x", "http://localhost:5173/cb"})
    void allowsRelativePathsAndAllowedOrigins(String target) {
        assertTrue(validator.isAllowed(target), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/steal", "https://app.example.com.evil.example/",
            "https://evil.example@app.example.com/", "http://app.example.com/", "https://app.example.com:8443/"})
    void s07_refusesOtherOrigins(String target) {
        assertFalse(validator.isAllowed(target), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "\\/evil.example", "/%2F%2Fevil.example",
            "/%2f/evil.example", "/%5Cevil.example", "https:evil.example", "/\t/evil.example", "/\n/evil.example",
            "http://[::1", "%E0%A4%A", "/%E0%A4%A", "dashboard", "///evil.example", " /x"})
    void s08_refusesParserConfusion(String target) {
        assertFalse(validator.isAllowed(target), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "%20javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "ftp://app.example.com/"})
    void s10_refusesScriptAndOtherSchemes(String target) {
        assertFalse(validator.isAllowed(target), target);
    }

    @Test
    void validateFallsBackOnlyWhenAbsent() {
        assertEquals("/home", validator.validate(null, "/home"));
        assertEquals("/home", validator.validate(" ", "/home"));
        assertEquals("/x", validator.validate("/x", "/home"));
        AuthException e = assertThrows(AuthException.class, () -> validator.validate("//evil.example", "/home"));
        assertEquals(AuthError.INVALID_REDIRECT, e.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/search?q=a%20b", "/a%20b/c", "/search?q=%22quoted%22", "/%41", "/x?y=%3Cz%3E&w=%2B",
            "/x#a%20b", "https://app.example.com/search?q=a%20b", "/caf%C3%A9"})
    void s95_encodedSpaceAndOtherPrintableEscapesAreAllowed(String target) {
        assertTrue(validator.isAllowed(target), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%09/evil.example", "/%0d%0aSet-Cookie:x=1", "/%00", "/%7F", "/%5C%5Cevil.example",
            "/%2F%2Fevil.example", "/a b", "/%2F/evil.example", "/%1F", "/x%5Cy"})
    void s95_decodedControlCharsBackslashesAndDoubleSlashesStayRefused(String target) {
        assertFalse(validator.isAllowed(target), target);
    }
}
