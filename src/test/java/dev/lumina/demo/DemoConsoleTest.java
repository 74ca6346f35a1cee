package dev.lumina.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.MockLoginForm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What the demo prints: its console starts without SLF4J's "NOP logger" notice, and what mock-oauth2-server
 * says through SLF4J reaches java.util.logging (at its default level, INFO).
 */
class DemoConsoleTest {

    @Test
    void theDemosConsoleHasNoSlf4jNoticeAndNamesBothHosts() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), DemoApp.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PORT", "0");
        Process demo = pb.start();
        try {
            List<String> console = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> untilStarted(demo));
            String all = String.join("\n", console);
            assertTrue(console.stream().noneMatch(l -> l.startsWith("SLF4J:")), "SLF4J notice on the console:\n" + all);
            String banner = console.stream().filter(l -> l.contains("Lumina Auth demo on")).findFirst().orElseThrow();
            assertTrue(banner.matches(".*http://localhost:\\d+/ \\(or http://127\\.0\\.0\\.1:\\d+/\\)"), banner);
        } finally {
            demo.destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    /** The demo's output up to its banner's last line; fails when it exits before. */
    private static List<String> untilStarted(Process demo) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
            if (line.contains("Ctrl+C to stop")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "demo-output");
                drain.setDaemon(true);
                drain.start();
                return lines;
            }
        }
        throw new AssertionError("the demo exited before starting:\n" + String.join("\n", lines));
    }

    @Test
    void theDevProvidersWarningsReachJavaUtilLogging() {
        Logger provider = Logger.getLogger("no.nav.security.mock.oauth2"); // held: JUL keeps loggers weakly
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        provider.addHandler(handler);
        try (Demo demo = Demo.start(0)) {
            // claims that are not JSON: the provider signs the user in without them, and warns
            Browser browser = new Browser(demo.app().uri());
            assertEquals(303, MockLoginForm.signIn(browser, "dev", "zed", "{not json").statusCode());
            assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                            && String.valueOf(r.getMessage()).contains("could not be processed as JSON")),
                    "mock-oauth2-server's warning about the claims was not logged; got " + records.size() + " records");
        } finally {
            provider.removeHandler(handler);
        }
    }
}
