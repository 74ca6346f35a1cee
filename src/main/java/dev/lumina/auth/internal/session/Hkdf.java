package dev.lumina.auth.internal.session;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), built only from the JCA's HMAC: separate keys per purpose from one
 * configured secret, so the session, flow and CSRF keys never coincide.
 */
final class Hkdf {
    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LEN = 32;

    private Hkdf() {
    }

    static byte[] derive(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
        if (length <= 0 || length > 255 * HASH_LEN) {
            throw new IllegalArgumentException("HKDF length out of range: " + length);
        }
        try {
            byte[] prk = hmac(salt.length == 0 ? new byte[HASH_LEN] : salt, inputKeyMaterial);
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(prk, HMAC));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            int offset = 0;
            for (int i = 1; offset < length; i++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) i);
                block = mac.doFinal();
                int n = Math.min(block.length, length - offset);
                System.arraycopy(block, 0, out, offset, n);
                offset += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws InvalidKeyException, java.security.NoSuchAlgorithmException {
        Mac mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(key, HMAC));
        return mac.doFinal(data);
    }
}
