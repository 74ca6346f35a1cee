package dev.lumina.auth.internal.log;

import java.lang.System.Logger.Level;

/**
 * Every log line Lumina writes, in one place: its id ({@code LUMINA-NNNN}), level and text. Ranges:
 * <ul>
 * <li>0001-0999: deployment and configuration</li>
 * <li>1000-1999: the session on every request (cookie, renewal, sign-out)</li>
 * <li>2000-2999: the sign-in flow and its events</li>
 * <li>3000-3999: providers (discovery, keys, ID token, token and user endpoints)</li>
 * <li>4000-4999: credentials sign-in</li>
 * </ul>
 * The README lists them; a test keeps both in step. Arguments never carry a token, code, secret, password
 * or cookie value.
 */
public enum LogMessage {
    CONFIGURATION_INVALID(1, Level.ERROR, "Lumina Auth is not configured correctly:"),
    ACTIVE(2, Level.INFO, "Lumina Auth active with providers %s under %s"),
    NO_PROFILE_OBSERVER(3, Level.WARNING, "the application has no synchronous @Observes ProfileReceived method: every "
            + "sign-in gets a default session (subject <provider>:<subject>, the provider's email and name, no roles, no "
            + "account linking). An @ObservesAsync observer cannot refuse a sign-in nor set its session."),
    NO_CREDENTIALS_OBSERVER(4, Level.WARNING, "credentials provider(s) %s configured, but the application has no "
            + "synchronous @Observes CredentialsSubmitted method: every credentials sign-in will be refused "
            + "(credentials_invalid). Add an observer that calls event.accept(profile) or event.reject()."),
    REVOCATION_JCACHE_OPENED(101, Level.INFO, "revocations kept in the JCache cache '%s' of %s (%s entries loaded); "
            + "every node sharing it refuses a revoked session"),

    SESSION_COOKIE_REJECTED(1001, Level.DEBUG, "session cookie rejected: %s"),
    SESSION_RENEWAL_SKIPPED(1002, Level.WARNING, "session renewal skipped: %s"),
    SIGNED_OUT_OBSERVER_FAILED(1003, Level.WARNING, "a SignedOut observer threw %s; the session is cleared anyway"),
    UNKNOWN_KEY_ID(1004, Level.WARNING, "a %s token names key id '%s', which no configured secret has (%s more such "
            + "tokens since the last warning; at most one warning per %s): was a new secret made the signer on another "
            + "node before this one knew it? Rotate in two phases: add the new secret everywhere as a verifier (second in "
            + "lumina.auth.secret), then make it the first"),
    REVOCATION_RECORDED(1101, Level.INFO, "revoked: %s"),
    SESSION_REVOKED(1102, Level.DEBUG, "revoked session refused (revoked by %s); the cookie is cleared"),
    SIGN_OUT_NOT_REVOKED(1103, Level.WARNING, "sign-out could not record the revocation of the session (%s): the cookie "
            + "is cleared, but a copy of the token taken before stays valid until it expires"),
    REVOCATION_ENTRY_UNREADABLE(1104, Level.WARNING, "an entry of the revocation cache could not be read and is ignored "
            + "(key %s): was the cache written by something other than Lumina?"),
    NO_END_SESSION_ENDPOINT(1201, Level.INFO, "a sign-out at provider %s was asked for, but the provider has no "
            + "end_session_endpoint: signed out of the application only (the session at the provider stays)"),
    END_SESSION_DISCOVERY_FAILED(1202, Level.WARNING, "a sign-out at provider %s was asked for, but its discovery "
            + "document could not be read (%s): signed out of the application only"),
    SIGN_OUT_RETURN_REFUSED(1203, Level.INFO, "the return from a sign-out at provider %s was refused: %s (%s); the "
            + "browser goes to the error page"),

    TOKENS_COOKIE_IGNORED(1301, Level.DEBUG, "tokens cookie ignored: %s"),
    TOKENS_COOKIE_NOT_WRITTEN(1302, Level.WARNING, "refreshed tokens of provider %s could not be written: %s; the "
            + "next request refreshes again"),

    AUTH_FAILED_OBSERVER_FAILED(2002, Level.WARNING, "an AuthFailed observer threw %s; ignored"),
    ANSWERED_ERROR(2003, Level.DEBUG, "answered %s: %s"),
    PROFILE_OBSERVER_FAILED(2101, Level.ERROR, "a ProfileReceived observer for provider %s threw %s; the sign-in "
            + "fails with server_error"),
    SESSION_COOKIE_TOO_LARGE(2102, Level.ERROR, "%s"),
    SIGNED_IN_OBSERVER_FAILED(2103, Level.WARNING, "a SignedIn observer threw %s; the sign-in stands"),
    SIGN_IN_FAILED(2104, Level.INFO, "sign-in failed: %s (provider %s)"),
    CALLBACK_WITHOUT_FLOW_COOKIE(2105, Level.INFO, "callback of provider %s at %s came without a flow cookie "
            + "(state_invalid): the sign-in was most likely started on another origin, whose cookie the browser "
            + "does not send here. Open the app, start the sign-in and receive the callback on one origin: behind "
            + "a dev proxy keep the browser's Host header (Vite: changeOrigin false; xfwd true with "
            + "lumina.auth.trust-forwarded-headers=true), and set lumina.auth.base-url only to the origin the "
            + "app is opened on. Other causes: another browser, a sign-in older than lumina.auth.flow.max-age, or one of more "
            + "than 3 sign-ins started at once in this browser (the oldest are dropped)"),
    SIGN_IN_UNEXPECTED(2201, Level.ERROR, "sign-in with provider %s failed unexpectedly: %s"),
    BACKCHANNEL_LOGOUT_DONE(2301, Level.INFO, "back-channel logout from provider %s: the sessions of its %s are revoked"),
    BACKCHANNEL_LOGOUT_REFUSED(2302, Level.INFO, "back-channel logout from provider %s refused (400): %s"),
    LOGOUT_HINT_TOO_LARGE(2401, Level.WARNING, "the ID token of provider %s (%s characters) does not fit in the "
            + "logout hint cookie: a later sign-out at the provider sends client_id without id_token_hint"),
    TOKENS_NOT_KEPT(2501, Level.WARNING, "the tokens of provider %s were not kept (keep-tokens): %s; the sign-in "
            + "stands without them"),
    TOKENS_REFRESH_REFUSED(2502, Level.INFO, "provider %s refused to refresh the kept tokens (%s); the session %s"),
    SIGN_IN_FROM_ANOTHER_ORIGIN(2601, Level.WARNING, "sign-in with provider %s started on a page of %s, while "
            + "Lumina answers as %s: the provider sends the browser back there and callbackUrl paths land there, so "
            + "the browser leaves the page's origin (on another host without the flow cookie: state_invalid, "
            + "LUMINA-2105). Likely cause: %s (said once per page origin)"),

    DISCOVERY_FAILED(3001, Level.WARNING, "discovery of provider %s failed: %s; retried after %s"),
    DISCOVERY_STATUS(3002, Level.WARNING, "discovery of provider %s answered %s"),
    DISCOVERY_ISSUER_MISMATCH(3003, Level.ERROR, "discovery of provider %s names issuer '%s' but %s is '%s': refused "
            + "(set the issuer exactly as the provider names it)"),
    DISCOVERY_UNUSABLE(3004, Level.WARNING, "discovery document of provider %s is unusable: %s"),
    JWKS_REFETCHED_FOR_UNKNOWN_KID(3011, Level.INFO, "signing keys fetched again for an unknown kid"),
    JWKS_FETCH_FAILED(3012, Level.WARNING, "signing keys could not be fetched from %s: %s; sign-ins with this provider "
            + "fail, next try after %s"),
    JWKS_STALE(3013, Level.WARNING, "signing keys of %s are past their lifetime and could not be fetched again: %s; the "
            + "previous keys are still used until %s, then sign-ins fail; next try after %s"),
    JWKS_FETCH_FAILED_KEPT(3014, Level.WARNING, "signing keys could not be fetched from %s: %s; the kept keys still "
            + "serve, next try after %s"),
    ID_TOKEN_CLOCK_SKEW(3021, Level.WARNING, "clock skew: the ID token of provider %s was issued %s s in the future, more "
            + "than the %s s allowed; synchronise this server's clock (NTP) or raise %s (at most PT5M)"),
    TOKEN_REQUEST_FAILED(3031, Level.WARNING, "token request to provider %s failed: %s"),
    TOKEN_ENDPOINT_REFUSED(3032, Level.WARNING, "token endpoint of provider %s answered %s%s"),
    TOKEN_ANSWER_UNUSABLE(3033, Level.WARNING, "token answer of provider %s unusable: %s"),
    TOKENS_REFRESHED(3301, Level.DEBUG, "tokens of provider %s refreshed (refresh token %s)"),
    TOKENS_REFRESH_UNAVAILABLE(3302, Level.WARNING, "tokens of provider %s could not be refreshed: %s; the kept tokens "
            + "stay, the next call tries again"),
    USER_API_UNUSABLE(3041, Level.WARNING, "user API of provider %s unusable: %s"),
    GITHUB_NO_VERIFIED_EMAIL(3051, Level.INFO, "no verified email from GitHub provider %s (scope user:email not granted?)"),

    CREDENTIALS_WITHOUT_OBSERVER(4001, Level.WARNING, "credentials sign-in with provider %s refused: the application "
            + "has no (synchronous) CredentialsSubmitted observer"),
    CREDENTIALS_OBSERVER_FAILED(4002, Level.ERROR, "a CredentialsSubmitted observer for provider %s threw %s; the "
            + "sign-in fails with server_error"),
    CREDENTIALS_REFUSED(4003, Level.INFO, "credentials refused for login '%s' from %s (provider %s)"),
    CREDENTIALS_REQUEST_REFUSED(4004, Level.INFO, "credentials request for provider %s refused (%s): %s");

    private final int id;
    private final Level level;
    private final String text;

    LogMessage(int id, Level level, String text) {
        this.id = id;
        this.level = level;
        this.text = text;
    }

    public int id() {
        return id;
    }

    /** {@code LUMINA-0001}. */
    public String code() {
        return String.format("LUMINA-%04d", id);
    }

    public Level level() {
        return level;
    }

    /** The {@link String#format} template. */
    public String text() {
        return text;
    }
}
