package dev.lumina.auth.internal.session;

import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Says when a token names a key id ({@code kid}) that no configured secret has: on a cluster, the sign of a
 * secret rotated on some nodes only. One warning per {@link #INTERVAL} at most, whatever the traffic (a client
 * can send any {@code kid}), naming the {@code kid} and how many others were not warned about; never the token.
 */
final class UnknownKeyWarnings {
    static final Duration INTERVAL = Duration.ofMinutes(1);
    /** A kid of ours is 8 characters; a longer one is cut, it is only a hint. */
    private static final int MAX_KID_CHARS = 64;
    private static final LuminaLog LOG = LuminaLog.of(UnknownKeyWarnings.class);

    private final Clock clock;
    private final AtomicReference<Instant> next = new AtomicReference<>(Instant.MIN);
    private final AtomicLong suppressed = new AtomicLong();

    UnknownKeyWarnings(Clock clock) {
        this.clock = clock;
    }

    void note(KeyPurpose purpose, String kid) {
        Instant now = clock.instant();
        Instant due = next.get();
        if (now.isBefore(due) || !next.compareAndSet(due, now.plus(INTERVAL))) {
            suppressed.incrementAndGet();
            return;
        }
        String shown = kid == null ? "(none)" : kid.length() > MAX_KID_CHARS ? kid.substring(0, MAX_KID_CHARS) + "..." : kid;
        LOG.log(LogMessage.UNKNOWN_KEY_ID, purpose.name().toLowerCase(Locale.ROOT), shown, suppressed.getAndSet(0), INTERVAL);
    }
}
