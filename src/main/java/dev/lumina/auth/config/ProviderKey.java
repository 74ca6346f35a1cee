package dev.lumina.auth.config;

/**
 * Keys of one provider: {@code lumina.auth.providers.<id>.<key>}, e.g.
 * {@code lumina.auth.providers.google.client-id} ({@code LUMINA_AUTH_PROVIDERS_GOOGLE_CLIENT_ID}).
 *
 * <pre>{@code
 * lumina.auth.providers.corp.type=oidc
 * lumina.auth.providers.corp.issuer=https://login.corp.example
 * lumina.auth.providers.corp.client-id=lumina
 * }</pre>
 */
public enum ProviderKey {
    TYPE("type", "oidc, google, github or credentials; defaults to the id for google and github"),
    NAME("name", "Display name on the sign-in page; defaults to the type's name or the id"),
    CLIENT_ID("client-id", "OAuth client id (required except for credentials)"),
    CLIENT_SECRET("client-secret", "OAuth client secret"),
    ISSUER("issuer", "OpenID Connect issuer; discovery reads <issuer>/.well-known/openid-configuration"),
    SCOPES("scopes", "Scopes, space- or comma-separated; defaults per type"),
    AUTHORIZATION_ENDPOINT("authorization-endpoint", "Overrides the authorization endpoint"),
    TOKEN_ENDPOINT("token-endpoint", "Overrides the token endpoint"),
    USERINFO_ENDPOINT("userinfo-endpoint", "Overrides the userinfo endpoint (GitHub: the /user API)"),
    EMAILS_ENDPOINT("emails-endpoint", "GitHub only: the /user/emails API"),
    JWKS_URI("jwks-uri", "Overrides the JWKS endpoint"),
    USE_USERINFO("use-userinfo", "OIDC: also read the userinfo endpoint (true/false, default false)"),
    PKCE("pkce", "Only S256 is accepted; any other value fails deployment"),
    RESPONSE_TYPE("response-type", "Only code is accepted (no implicit or hybrid flow)"),
    LOGOUT("logout", "local or provider (default local): whether a sign-out also ends the session at the provider "
            + "(OpenID Connect RP-Initiated Logout, when it has an end_session_endpoint)"),
    KEEP_TOKENS("keep-tokens", "OAuth providers: keep the access and refresh tokens, sealed in the tokens cookie, for "
            + "@Current ProviderTokens (true/false, default false)"),
    FIELDS("fields", "Credentials only: the form fields, comma-separated (default email,password); a field "
            + "named like a secret (password, secret, passcode, otp, pin) is masked and never logged");

    private final String suffix;
    private final String description;

    ProviderKey(String suffix, String description) {
        this.suffix = suffix;
        this.description = description;
    }

    /** The part after {@code lumina.auth.providers.<id>.}, e.g. {@code client-id}. */
    public String suffix() {
        return suffix;
    }

    public String description() {
        return description;
    }

    /** The full property name for a provider id. */
    public String key(String providerId) {
        return ConfigKey.PROVIDERS_PREFIX + providerId + "." + suffix;
    }
}
