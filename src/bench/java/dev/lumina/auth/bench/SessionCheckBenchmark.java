package dev.lumina.auth.bench;

import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.JwtSessionCodec;
import dev.lumina.auth.internal.session.KeyPurpose;
import dev.lumina.auth.internal.session.KeyRing;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
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

/**
 * The session check side by side, in one run: what Lumina's filter does with the cookie a browser sends again
 * (a verified-token lookup) and with one it has not seen (a full verification), against smallrye-jwt's
 * parser, jose4j and nimbus verifying the same token with the same key, and the floor (HMAC-SHA256, base64url
 * and a JSON-P parse of the payload). {@link BenchmarkReport} runs it and prints the ratios against the
 * targets of the performance issue: {@code mvn -B -Pbench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionCheckBenchmark {
    /** Distinct tokens for "seen for the first time": many times the cache's capacity, so nearly every one misses. */
    static final int FRESH = 1 << 15;
    /** Made once: {@code Json.createReader} looks the provider up on every call, which is not the floor's cost. */
    static final JsonReaderFactory JSON = Json.createReaderFactory(java.util.Map.of());

    @Param({"HS256", "JWE"})
    public String kind;

    private boolean jwe;
    private char[] tokenChars;
    private String token;
    private String[] fresh;
    private int next;
    private JwtSessionCodec lumina;
    private SecretKey key;
    private DefaultJWTParser smallrye;
    private JwtConsumer jose4j;
    private MACVerifier nimbusMac;
    private DirectDecrypter nimbusDir;
    private Mac hmac;

    public static void main(String[] args) throws Exception {
        BenchmarkReport.main(args);
    }

    @Setup
    public void setUp() throws Exception {
        jwe = kind.equals("JWE");
        KeyRing keys = KeyRing.of(AuthConfig.builder().secrets("bench-secret-0123456789-0123456789-0123456789").build().secrets());
        JoseTokens tokens = new JoseTokens(keys, Duration.ofSeconds(60));
        lumina = new JwtSessionCodec(tokens, jwe, 4096, Clock.systemUTC());
        Instant now = Instant.now();
        token = lumina.encode(session("sid", now));
        tokenChars = token.toCharArray();
        fresh = new String[FRESH];
        for (int i = 0; i < FRESH; i++) {
            fresh[i] = lumina.encode(session("sid-" + i, now));
        }
        key = keys.current(jwe ? KeyPurpose.SESSION_ENCRYPTION : KeyPurpose.SESSION_SIGNING).secretKey();

        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(JoseTokens.ISSUER);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        info.setRelaxVerificationKeyValidation(true);
        info.setExpGracePeriodSecs(60);
        smallrye = new DefaultJWTParser(info);

        JwtConsumerBuilder b = new JwtConsumerBuilder().setExpectedIssuer(JoseTokens.ISSUER).setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(60).setSkipDefaultAudienceValidation();
        jose4j = jwe
                ? b.setDisableRequireSignature().setDecryptionKey(key)
                        .setJwsAlgorithmConstraints(AlgorithmConstraints.DISALLOW_NONE).build()
                : b.setVerificationKey(key).setJwsAlgorithmConstraints(
                        new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)).build();
        if (jwe) {
            nimbusDir = new DirectDecrypter(key.getEncoded());
        } else {
            nimbusMac = new MACVerifier(key.getEncoded());
        }
        hmac = Mac.getInstance("HmacSHA256");
        hmac.init(key);
    }

    private static Session session(String id, Instant now) {
        return Session.builder().id(id).subject("user-42").provider("dev").email("user-42@example.com").name("User Forty-Two")
                .roles("user", "admin").claim("plan", "pro").authenticatedAt(now).issuedAt(now)
                .expiresAt(now.plusSeconds(3600)).build();
    }

    /** The cookie a browser sends on every request: a new String each time, as a header parser makes it. */
    @Benchmark
    public Object luminaRepeated() {
        return lumina.decode(new String(tokenChars));
    }

    @Benchmark
    public Object luminaFirstSeen() {
        return lumina.decode(fresh[next++ & (FRESH - 1)]);
    }

    /** HS256 only: smallrye-jwt's parser refuses a {@code dir} key for JWE, so JWE is compared with jose4j. */
    @Benchmark
    public Object smallryeJwt() throws Exception {
        return jwe ? null : smallrye.verify(new String(tokenChars), key);
    }

    @Benchmark
    public Object jose4j() throws Exception {
        return jose4j.processToClaims(new String(tokenChars));
    }

    @Benchmark
    public Object nimbus() throws Exception {
        if (jwe) {
            EncryptedJWT jwt = EncryptedJWT.parse(new String(tokenChars));
            jwt.decrypt(nimbusDir);
            return jwt.getJWTClaimsSet();
        }
        SignedJWT jwt = SignedJWT.parse(new String(tokenChars));
        if (!jwt.verify(nimbusMac)) {
            throw new IllegalStateException("nimbus refused the token");
        }
        return jwt.getJWTClaimsSet();
    }

    /** HMAC-SHA256 over header.payload, the signature compared, the payload parsed with JSON-P (HS256 only). */
    @Benchmark
    public Object floor() {
        if (jwe) {
            return null;
        }
        String t = new String(tokenChars);
        int dot2 = t.lastIndexOf('.');
        byte[] mac = hmac.doFinal(t.substring(0, dot2).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(mac, Base64.getUrlDecoder().decode(t.substring(dot2 + 1)))) {
            throw new IllegalStateException("bad signature");
        }
        String payload = new String(Base64.getUrlDecoder().decode(t.substring(t.indexOf('.') + 1, dot2)), StandardCharsets.UTF_8);
        try (var reader = JSON.createReader(new StringReader(payload))) {
            JsonObject o = reader.readObject();
            return o;
        }
    }
}
