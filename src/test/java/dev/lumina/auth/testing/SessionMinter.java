package dev.lumina.auth.testing;

import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.JwtSessionCodec;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.internal.session.SessionIssuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Mints session cookies with the library's own encoder, as a server with these secrets would. */
public final class SessionMinter {
    private final JwtSessionCodec codec;
    private final KeyRing keys;

    public SessionMinter(String... secrets) {
        this(false, secrets);
    }

    public SessionMinter(boolean encrypt, String... secrets) {
        AuthConfig config = AuthConfig.builder().secrets(secrets).build();
        this.keys = KeyRing.of(config.secrets());
        this.codec = new JwtSessionCodec(new JoseTokens(keys, Duration.ofSeconds(60)), encrypt);
    }

    public KeyRing keys() {
        return keys;
    }

    public JwtSessionCodec codec() {
        return codec;
    }

    /** A fresh session for the subject, issued now with the default lifetimes. */
    public String token(String subject, String... roles) {
        Session s = Session.builder().subject(subject).email(subject + "@example.com").roles(roles).build();
        return codec.encode(new SessionIssuer(AuthConfig.builder().build(), Clock.systemUTC()).issue(s));
    }

    /** A session with explicit times. */
    public String token(String subject, Instant issuedAt, Instant expiresAt) {
        return codec.encode(Session.builder().id("sid-" + subject).subject(subject)
                .authenticatedAt(issuedAt).issuedAt(issuedAt).expiresAt(expiresAt).build());
    }
}
