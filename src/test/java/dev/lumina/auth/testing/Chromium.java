package dev.lumina.auth.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the browser tests: Debian's {@code chromium} driven through its
 * {@code chromedriver}, both installed by {@code bin/install-browser} (never downloaded by a test tool).
 * When they are missing, the tests fail under {@code CI=true} and are skipped, saying why, elsewhere.
 */
public final class Chromium implements AutoCloseable {
    public static final String BROWSER = System.getProperty("lumina.test.chromium", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("lumina.test.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(boolean javascript) {
        requireInstalled();
        try {
            profile = Files.createTempDirectory("lumina-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    /** A browser with JavaScript on. */
    public static Chromium start() {
        return new Chromium(true);
    }

    /** A browser with JavaScript off, as some users and every crawler have it. */
    public static Chromium withoutJavaScript() {
        return new Chromium(false);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Fails under CI=true, skips elsewhere, when the browser or its driver is not installed. */
    public static void requireInstalled() {
        boolean present = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
        String why = BROWSER + " or " + DRIVER + " is missing: run bin/install-browser";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.assertTrue(present, why);
        } else {
            Assumptions.assumeTrue(present, why);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
