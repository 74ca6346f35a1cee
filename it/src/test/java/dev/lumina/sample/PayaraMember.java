package dev.lumina.sample;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A second Payara Micro running the sample WAR, started by the test beside the one Arquillian started: the same
 * configuration (Lumina's settings, Hazelcast on loopback), its own HTTP port and Hazelcast port, both reserved by
 * the build. Its Hazelcast member joins the first one's by the TCP member list of hazelcast.xml, so the two share
 * Payara's JCache and with it Lumina's revocations. Its output goes to {@code target/payara-member-b.log}.
 */
final class PayaraMember implements AutoCloseable {
    private final Process process;
    private final URI app;
    private final Path log;

    private PayaraMember(Process process, URI app, Path log) {
        this.process = process;
        this.app = app;
        this.log = log;
    }

    static PayaraMember startB() {
        String config = required("payara.config");
        String tmp = required("payara.tmpdir");
        int http = Integer.parseInt(required("payara.http.port.b"));
        File war = new File(System.getProperty("sample.war", "target/" + SampleDeployment.NAME));
        Path log = Path.of(tmp, "payara-member-b.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-Dh2.bindAddress=127.0.0.1",
                "-Dhazelcast.config=" + config + "/hazelcast.xml",
                "-Dhazelcast.port=" + required("payara.hazelcast.port.b"),
                "-Dhazelcast.phone.home.enabled=false",
                "-jar", required("payara.microJar"),
                "--deploy", war.getAbsolutePath(), "--port", String.valueOf(http),
                "--disablephonehome", "--prebootcommandfile", config + "/preboot-hazelcast.asadmin",
                "--systemProperties", config + "/lumina.properties");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new PayaraMember(p, URI.create("http://127.0.0.1:" + http + "/lumina-sample/"), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a second Payara Micro: " + e, e);
        }
    }

    /** Waits until the sample answers on this member (a boot takes about a minute here). */
    PayaraMember awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the second Payara Micro stopped (exit " + process.exitValue() + "): " + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(app.resolve("ping")).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            pause();
        }
        throw new AssertionError("the second Payara Micro did not answer within " + timeout + ": " + tail());
    }

    URI app() {
        return app;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the ITs with `mvn verify`");
        }
        return value;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
