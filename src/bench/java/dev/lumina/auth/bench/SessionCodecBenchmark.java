package dev.lumina.auth.bench;

import dev.lumina.auth.Session;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.time.Instant;

/**
 * Prints what the per-request work costs: decoding the session cookie (what the filter does on every
 * request that carries one) and encoding it (sign-in and renewal). A benchmark that prints figures, not a
 * test: run it with
 * {@code mvn -B -Pbench -Dbench.main=dev.lumina.auth.bench.SessionCodecBenchmark} (the benchmark profile, not the tests).
 */
public final class SessionCodecBenchmark {
    private static volatile Object sink;

    private SessionCodecBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        for (boolean encrypt : new boolean[] {false, true}) {
            SessionMinter minter = new SessionMinter(encrypt, TestSecrets.A);
            Instant now = Instant.now();
            Session s = Session.builder().id("sid").subject("user-42").email("u@example.com").name("User")
                    .roles("user", "admin").claim("plan", "pro")
                    .authenticatedAt(now).issuedAt(now).expiresAt(now.plusSeconds(3600)).build();
            String token = minter.codec().encode(s);
            measure((encrypt ? "JWE" : "JWS") + " decode", rounds, () -> sink = minter.codec().decode(token));
            measure((encrypt ? "JWE" : "JWS") + " encode", rounds / 5, () -> sink = minter.codec().encode(s));
            System.out.printf("%s token length: %d bytes%n", encrypt ? "JWE" : "JWS", token.length());
        }
    }

    private static void measure(String name, int rounds, Runnable op) {
        for (int i = 0; i < rounds; i++) {
            op.run(); // warm-up
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            op.run();
        }
        long ns = (System.nanoTime() - start) / rounds;
        System.out.printf("%-11s %7.1f us/op  (%,d ops/s on one thread)%n", name, ns / 1000.0, 1_000_000_000L / Math.max(1, ns));
    }
}
