package dev.lumina.auth.bench;

import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.revocation.MemoryRevocationStore;
import dev.lumina.auth.internal.revocation.SessionRevocations;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.JwtSessionCodec;
import dev.lumina.auth.internal.session.KeyRing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The revocation check of every request ({@code SessionRevocations.revokedBy}), with no revocation recorded
 * (the fast path: one {@code isEmpty()}) and with 10,000 entries (four keys built and looked up), and the
 * filter's whole session check for a cookie seen again (verified-token cache, then revocation).
 * {@code mvn -B -Pbench -Dbench.main=dev.lumina.auth.bench.RevocationCheckBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RevocationCheckBenchmark {
    @Param({"0", "10000"})
    public int entries;

    private SessionRevocations revocations;
    private JwtSessionCodec codec;
    private Session session;
    private Session revoked;
    private String token;

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(RevocationCheckBenchmark.class.getSimpleName()).build()).run();
        System.out.println();
        System.out.println("| revocation check | entries | ns/op | error |");
        System.out.println("|---|---|---|---|");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            System.out.printf("| %s | %s | %,.1f | %,.1f |%n", name, r.getParams().getParam("entries"),
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError());
        }
    }

    @Setup
    public void setUp() {
        AuthConfig config = AuthConfig.builder().secrets("bench-secret-0123456789-0123456789-0123456789").build();
        MemoryRevocationStore store = new MemoryRevocationStore(Clock.systemUTC());
        revocations = new SessionRevocations(store, config, Clock.systemUTC());
        Instant keep = Instant.now().plus(Duration.ofDays(7));
        for (int i = 0; i < entries; i++) {
            store.revoke("s:revoked-" + i, Instant.now(), keep); // as sign-outs record them (the key of RevocationKeys)
        }
        Instant signedIn = Instant.now().minusSeconds(60);
        session = Session.builder().id("abcdefghijklmnopqrstuv").subject("user-1234").provider("corp")
                .providerSubject("248289761001").providerSessionId("08a5019c-17e1-4977-8f42-65a12843ea02")
                .authenticatedAt(signedIn).issuedAt(signedIn).expiresAt(signedIn.plus(Duration.ofHours(6))).build();
        revoked = session.toBuilder().id("revoked-0").build();
        codec = new JwtSessionCodec(new JoseTokens(KeyRing.of(config.secrets()), Duration.ofSeconds(60)), false, 4096,
                Clock.systemUTC());
        token = codec.encode(session);
        codec.decode(token);
    }

    /** A session that is not revoked: what nearly every request asks. */
    @Benchmark
    public String check() {
        return revocations.revokedBy(session);
    }

    /** A revoked session (found by its id, the first key). */
    @Benchmark
    public String checkRevoked() {
        return entries == 0 ? null : revocations.revokedBy(revoked);
    }

    /** The filter's session check for a cookie seen before: the verified-token cache, then the revocation check. */
    @Benchmark
    public String cachedCookieThenCheck() {
        return revocations.revokedBy(codec.decode(token));
    }
}
