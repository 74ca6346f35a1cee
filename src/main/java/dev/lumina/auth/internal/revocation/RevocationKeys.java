package dev.lumina.auth.internal.revocation;

/**
 * The keys of the revocation store. A prefix per kind keeps them apart: a subject can never be mistaken for a
 * session id, nor one provider's session id for another's.
 */
final class RevocationKeys {
    private RevocationKeys() {
    }

    /** One Lumina session, by its id ({@code jti}). */
    static String session(String sessionId) {
        return "s:" + sessionId;
    }

    /** Every session of the application's subject. */
    static String subject(String subject) {
        return "u:" + subject;
    }

    /** Every session signed in through that provider session ({@code sid} of the provider's ID token). */
    static String providerSession(String provider, String providerSessionId) {
        return "ps:" + provider + ":" + providerSessionId;
    }

    /** Every session signed in as that subject of the provider. */
    static String providerSubject(String provider, String providerSubject) {
        return "pu:" + provider + ":" + providerSubject;
    }

    /** A back-channel logout token's {@code jti}, recorded once to refuse its replay. */
    static String logoutToken(String provider, String jti) {
        return "jti:" + provider + ":" + jti;
    }
}
