package dev.lumina.auth.internal.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpReplyTest {
    private static Optional<Duration> maxAge(String cacheControl) {
        return new HttpReply(200, "application/json", cacheControl, new byte[0]).cacheMaxAge();
    }

    @Test
    void cacheControlMaxAgeIsRead() {
        assertEquals(Optional.of(Duration.ofSeconds(22911)), maxAge("public, max-age=22911, must-revalidate, no-transform"));
        assertEquals(Optional.of(Duration.ofSeconds(10)), maxAge("MAX-AGE=10"));
        assertEquals(Optional.of(Duration.ofSeconds(60)), maxAge("max-age=\"60\""));
        assertEquals(Optional.of(Duration.ofSeconds(50)), maxAge("max-age=100,max-age=50"), "the smallest of several");
        assertEquals(Optional.of(Duration.ofSeconds(1L << 31)), maxAge("max-age=99999999999999999999999"), "capped at 2^31 s");
    }

    @Test
    void doNotKeepAndUnreadableMeanZeroAndNoMaxAgeMeansEmpty() {
        assertEquals(Optional.of(Duration.ZERO), maxAge("no-store"));
        assertEquals(Optional.of(Duration.ZERO), maxAge("max-age=3600, no-cache"));
        assertEquals(Optional.of(Duration.ZERO), maxAge("max-age=-5"));
        assertEquals(Optional.of(Duration.ZERO), maxAge("max-age=1h"));
        assertEquals(Optional.empty(), maxAge(""));
        assertEquals(Optional.empty(), maxAge("public, s-maxage=600"));
    }
}
