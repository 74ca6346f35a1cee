package dev.lumina.auth.internal.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys derived from the configured secrets. The first secret signs and seals; every secret verifies
 * and opens, so a secret can be rotated without signing everybody out. Each key has a {@code kid} derived
 * from its secret, which tokens carry so the right key is found without trying them all.
 */
public final class KeyRing {
    private static final byte[] SALT = "dev.lumina.auth/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;

    /** A derived key and its id. */
    public record Key(String kid, SecretKey secretKey) {
        @Override
        public String toString() {
            return "Key[kid=" + kid + "]";
        }
    }

    private final Map<KeyPurpose, List<Key>> keys = new EnumMap<>(KeyPurpose.class);
    private final Map<KeyPurpose, Map<String, Key>> byKid = new EnumMap<>(KeyPurpose.class);

    private KeyRing(List<byte[]> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        for (KeyPurpose purpose : KeyPurpose.values()) {
            List<Key> list = new ArrayList<>();
            Map<String, Key> index = new LinkedHashMap<>();
            for (byte[] secret : secrets) {
                Key key = derive(secret, purpose);
                list.add(key);
                index.putIfAbsent(key.kid(), key);
            }
            keys.put(purpose, List.copyOf(list));
            byKid.put(purpose, Map.copyOf(index));
        }
    }

    public static KeyRing of(List<byte[]> secrets) {
        return new KeyRing(secrets);
    }

    private static Key derive(byte[] secret, KeyPurpose purpose) {
        byte[] material = Hkdf.derive(SALT, secret, purpose.info().getBytes(StandardCharsets.US_ASCII), KEY_BYTES);
        byte[] id = Hkdf.derive(SALT, secret, ("lumina/kid/" + purpose.info()).getBytes(StandardCharsets.US_ASCII), 6);
        String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        String algorithm = purpose == KeyPurpose.SESSION_SIGNING || purpose == KeyPurpose.CSRF ? "HmacSHA256" : "AES";
        return new Key(kid, new SecretKeySpec(material, algorithm));
    }

    /** The key that signs or seals new tokens: the first secret's. */
    public Key current(KeyPurpose purpose) {
        return keys.get(purpose).get(0);
    }

    /** Every key of a purpose, the current one first. */
    public List<Key> all(KeyPurpose purpose) {
        return keys.get(purpose);
    }

    /** The key with that id, if any secret yields it. */
    public Optional<Key> find(KeyPurpose purpose, String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(purpose).get(kid));
    }
}
