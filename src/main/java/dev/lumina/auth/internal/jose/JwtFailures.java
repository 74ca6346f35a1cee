package dev.lumina.auth.internal.jose;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Names of jose4j's failed checks ({@link ErrorCodes}), for messages and logs: a name says which check
 * failed, never a claim value (jose4j's own messages may quote claims, so they are not passed on). Every
 * constant of {@link ErrorCodes} has a name here, taken from the constant, never from its number; a test
 * reflects over the class so that a jose4j upgrade adding a code cannot go unnamed.
 */
public final class JwtFailures {
    /** What is said when jose4j gives no error code at all. */
    public static final String UNSPECIFIED = "invalid";

    private JwtFailures() {
    }

    /** The names of every failed check of {@code e}, comma-separated, each once; {@link #UNSPECIFIED} when none. */
    public static String describe(InvalidJwtException e) {
        Set<String> names = new LinkedHashSet<>();
        if (e.getErrorDetails() != null) {
            e.getErrorDetails().forEach(d -> names.add(name(d.getErrorCode())));
        }
        return names.isEmpty() ? UNSPECIFIED : String.join(",", names);
    }

    /** The name of one jose4j error code; a code this jose4j version does not define is {@code unknown-check-N}. */
    public static String name(int code) {
        return switch (code) {
            case ErrorCodes.EXPIRED -> "expired";
            case ErrorCodes.EXPIRATION_MISSING -> "exp-missing";
            case ErrorCodes.ISSUED_AT_MISSING -> "iat-missing";
            case ErrorCodes.NOT_BEFORE_MISSING -> "nbf-missing";
            case ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE -> "exp-too-far";
            case ErrorCodes.NOT_YET_VALID -> "not-yet-valid";
            case ErrorCodes.AUDIENCE_MISSING -> "aud-missing";
            case ErrorCodes.AUDIENCE_INVALID -> "aud-invalid";
            case ErrorCodes.SIGNATURE_INVALID -> "signature-invalid";
            case ErrorCodes.SIGNATURE_MISSING -> "signature-missing";
            case ErrorCodes.ISSUER_MISSING -> "iss-missing";
            case ErrorCodes.ISSUER_INVALID -> "iss-invalid";
            case ErrorCodes.JWT_ID_MISSING -> "jti-missing";
            case ErrorCodes.SUBJECT_MISSING -> "sub-missing";
            case ErrorCodes.SUBJECT_INVALID -> "sub-invalid";
            case ErrorCodes.JSON_INVALID -> "json-invalid";
            case ErrorCodes.MISCELLANEOUS -> "other-check";
            case ErrorCodes.MALFORMED_CLAIM -> "claim-malformed";
            case ErrorCodes.ENCRYPTION_MISSING -> "encryption-missing";
            case ErrorCodes.INTEGRITY_MISSING -> "integrity-missing";
            case ErrorCodes.TYPE_MISSING -> "typ-missing";
            case ErrorCodes.TYPE_INVALID -> "typ-invalid";
            case ErrorCodes.ISSUED_AT_INVALID_FUTURE -> "iat-future";
            case ErrorCodes.ISSUED_AT_INVALID_PAST -> "iat-too-old";
            default -> "unknown-check-" + code;
        };
    }
}
