package dev.lumina.auth.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How kept provider tokens are refreshed ({@code lumina.auth.tokens.*}).
 *
 * <pre>{@code
 * AuthConfig.builder().tokens(new TokenPolicy(Duration.ofMinutes(2), TokenPolicy.OnRefreshFailure.SIGN_OUT))
 * }</pre>
 *
 * @param refreshMargin    {@code ProviderTokens.accessToken()} returns a token valid for at least this long
 *                         ({@link ConfigKey#TOKENS_REFRESH_MARGIN})
 * @param onRefreshFailure what happens to the session when the provider refuses a refresh
 *                         ({@link ConfigKey#TOKENS_ON_REFRESH_FAILURE})
 */
public record TokenPolicy(Duration refreshMargin, OnRefreshFailure onRefreshFailure) {
    /** The defaults of {@link ConfigKey}. */
    public static final TokenPolicy DEFAULT = new TokenPolicy(Duration.parse(ConfigKey.TOKENS_REFRESH_MARGIN.defaultValue()),
            OnRefreshFailure.parse(ConfigKey.TOKENS_ON_REFRESH_FAILURE.defaultValue()).orElseThrow());

    public TokenPolicy {
        Objects.requireNonNull(refreshMargin, "refreshMargin");
        Objects.requireNonNull(onRefreshFailure, "onRefreshFailure");
    }

    /** What a refused refresh does to the session. */
    public enum OnRefreshFailure {
        /** The session goes on; the tokens cookie is cleared, so {@code ProviderTokens.isPresent()} is false. */
        KEEP_SESSION,
        /** The session ends too: the response clears the session and tokens cookies. */
        SIGN_OUT;

        /** {@code keep-session} or {@code sign-out}; empty for anything else. */
        public static Optional<OnRefreshFailure> parse(String value) {
            for (OnRefreshFailure f : values()) {
                if (f.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        /** The value as written in the configuration. */
        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
