package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyRingTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyPurposeGetsItsOwnKey() {
        KeyRing ring = KeyRing.of(List.of(bytes(TestSecrets.A)));
        Set<String> distinct = new HashSet<>();
        for (KeyPurpose p : KeyPurpose.values()) {
            distinct.add(Arrays.toString(ring.current(p).secretKey().getEncoded()));
            assertEquals(32, ring.current(p).secretKey().getEncoded().length);
        }
        assertEquals(KeyPurpose.values().length, distinct.size());
    }

    @Test
    void keyIsNeverTheRawSecret() {
        KeyRing ring = KeyRing.of(List.of(bytes("0123456789abcdef0123456789abcdef")));
        assertFalse(Arrays.equals(bytes("0123456789abcdef0123456789abcdef"), ring.current(KeyPurpose.SESSION_SIGNING).secretKey().getEncoded()));
    }

    @Test
    void firstSecretSignsAndEverySecretIsFoundByKid() {
        KeyRing ring = KeyRing.of(List.of(bytes(TestSecrets.B), bytes(TestSecrets.A)));
        KeyRing onlyA = KeyRing.of(List.of(bytes(TestSecrets.A)));
        KeyRing onlyB = KeyRing.of(List.of(bytes(TestSecrets.B)));
        assertEquals(onlyB.current(KeyPurpose.CSRF).kid(), ring.current(KeyPurpose.CSRF).kid());
        String kidA = onlyA.current(KeyPurpose.CSRF).kid();
        assertNotEquals(kidA, ring.current(KeyPurpose.CSRF).kid());
        assertTrue(ring.find(KeyPurpose.CSRF, kidA).isPresent());
        assertTrue(onlyB.find(KeyPurpose.CSRF, kidA).isEmpty());
    }
}
