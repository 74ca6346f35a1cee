package dev.lumina.auth.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A front end's Vite dev server as a child process, the way its developer runs it ({@code vite dev}), on a free
 * loopback port, with the Lumina server it proxies to passed as {@code LUMINA_URL}. Before it starts,
 * {@code npm ci} installs the app's locked dependencies, unless {@code node_modules} already holds what the lock
 * names; npm's cache is {@code target/npm-cache}, so nothing is written outside the checkout. Waits by polling
 * (a busy machine may take a minute), and fails, saying why, when npm is missing or the server does not come up.
 */
public final class ViteDevServer implements AutoCloseable {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Written into node_modules after a successful install: the SHA-256 of the package-lock.json installed. */
    private static final String STAMP = ".lumina-installed-lock";

    private final Process process;
    private final URI uri;
    private final Path log;

    private ViteDevServer(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /** The checkout's root: Maven's {@code basedir}, else the working directory. */
    public static Path checkout() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /**
     * Installs (when needed) and starts the app in {@code app}; returns once it answers its home page.
     *
     * @param lumina the Lumina server the app's Vite config proxies to
     */
    public static ViteDevServer start(Path app, URI lumina) {
        String node = requireOnPath("node");
        install(app);
        Path log = checkout().resolve("target").resolve("vite-dev-" + app.getFileName() + ".log");
        int port = freeLoopbackPort();
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        ProcessBuilder pb = new ProcessBuilder(node, "node_modules/vite/bin/vite.js", "dev",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--strictPort")
                .directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LUMINA_URL", lumina.toString().replaceAll("/+$", ""));
        pb.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Vite dev server in " + app, e);
        }
        ViteDevServer server = new ViteDevServer(process, uri, log);
        try {
            server.awaitReady();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    public URI uri() {
        return uri;
    }

    /** An absolute URL on the dev server, e.g. {@code url("/login")}. */
    public String url(String path) {
        return uri.resolve(path).toString();
    }

    /** The server's output so far (for a failure message). */
    public String output() {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /**
     * Polls the home page until it answers 200 (the first answer compiles the app), or fails when the process
     * exits or the time is up.
     */
    private void awaitReady() {
        HttpClient http = client();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the Vite dev server exited with " + process.exitValue() + ":\n" + output());
            }
            if (answers(http, uri)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the Vite dev server did not answer " + uri + " within " + START_TIMEOUT
                        + ":\n" + output());
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS); // a pause that ends early when the process dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the Vite dev server", e);
            }
        }
    }

    /** GETs each path once, ignoring the answers: Vite compiles a page on its first request. */
    public void warm(String... paths) {
        HttpClient http = client();
        for (String path : paths) {
            answers(http, uri.resolve(path));
        }
    }

    /** HTTP/1.1: Node's server takes the h2c upgrade that Java's client offers by default for a WebSocket and never answers. */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static boolean answers(HttpClient http, URI target) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code npm ci} with the cache under target/, skipped when node_modules holds what this package-lock.json
     * names (the stamp written after the last install has its hash). The local client package is a symbolic
     * link, so a change to it needs no install.
     */
    static void install(Path app) {
        String npm = requireOnPath("npm");
        String lock = sha256(app.resolve("package-lock.json"));
        Path stamp = app.resolve("node_modules").resolve(STAMP);
        if (Files.isRegularFile(app.resolve("node_modules/vite/bin/vite.js")) && lock.equals(read(stamp).orElse(""))) {
            return;
        }
        Path cache = checkout().resolve("target").resolve("npm-cache");
        Path log = checkout().resolve("target").resolve("npm-ci-" + app.getFileName() + ".log");
        List<String> cmd = List.of(npm, "ci", "--cache", cache.toString(), "--prefer-offline", "--no-audit", "--no-fund",
                "--update-notifier=false", "--loglevel=warn");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(app.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(Map.of("NO_COLOR", "1", "npm_config_logs_dir", cache.resolve("_logs").toString()));
            Process p = pb.start();
            if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                killTree(p);
                throw new AssertionError("npm ci in " + app + " took longer than " + INSTALL_TIMEOUT + ", see " + log);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("npm ci in " + app + " failed (" + p.exitValue() + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Files.writeString(stamp, lock, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("npm ci in " + app, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during npm ci", e);
        }
    }

    /** The executable's path, or a failure that says what to install. */
    static String requireOnPath(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute() && f.isFile()) {
                    return f.getAbsolutePath();
                }
            }
        }
        throw new AssertionError(name + " is not on the PATH: the SvelteKit end-to-end test needs Node.js 20.19 or "
                + "later with npm (Debian: apt-get install nodejs npm)");
    }

    private static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the process and every process it started, politely first. */
    private static void killTree(Process p) {
        List<ProcessHandle> all = p.descendants().toList();
        all.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        killTree(process);
    }
}
