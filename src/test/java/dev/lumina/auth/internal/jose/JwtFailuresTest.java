package dev.lumina.auth.internal.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Test;

class JwtFailuresTest {

    @Test
    void everyJose4jErrorCodeHasItsOwnWordedName() throws IllegalAccessException {
        Map<String, String> constantByName = new HashMap<>();
        int constants = 0;
        for (Field f : ErrorCodes.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) {
                continue;
            }
            constants++;
            String name = JwtFailures.name(f.getInt(null));
            assertTrue(name.matches("[a-z]+(-[a-z]+)*"), f.getName() + " is named '" + name + "': words only, no number");
            assertFalse(name.startsWith("unknown-check"), f.getName() + " falls through to the default");
            String clash = constantByName.put(name, f.getName());
            assertTrue(clash == null, f.getName() + " and " + clash + " share the name '" + name + "'");
        }
        assertTrue(constants >= 24, "only " + constants + " ErrorCodes constants found");
    }

    @Test
    void namesFollowTheConstantsNotTheirNumbers() {
        assertEquals("iat-missing", JwtFailures.name(ErrorCodes.ISSUED_AT_MISSING));
        assertEquals("not-yet-valid", JwtFailures.name(ErrorCodes.NOT_YET_VALID));
        assertEquals("iat-future", JwtFailures.name(ErrorCodes.ISSUED_AT_INVALID_FUTURE));
        assertEquals("other-check", JwtFailures.name(ErrorCodes.MISCELLANEOUS));
        assertEquals("unknown-check-999", JwtFailures.name(999));
    }

    @Test
    void describeListsEachFailedCheckOnceAndNeverTheJose4jMessage() {
        List<ErrorCodeValidator.Error> details = List.of(
                new ErrorCodeValidator.Error(ErrorCodes.EXPIRED, "exp 123 is before now; sub=alice"),
                new ErrorCodeValidator.Error(ErrorCodes.ISSUER_INVALID, "iss 'https://evil' is not expected"),
                new ErrorCodeValidator.Error(ErrorCodes.EXPIRED, "again"));
        String text = JwtFailures.describe(new InvalidJwtException("sub=alice iss=https://evil", details, null));
        assertEquals("expired,iss-invalid", text);
        assertEquals(JwtFailures.UNSPECIFIED, JwtFailures.describe(new InvalidJwtException("x", List.of(), null)));
    }
}
