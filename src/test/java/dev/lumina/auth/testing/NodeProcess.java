package dev.lumina.auth.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An embedded Lumina node in a child JVM. Two Weld SE containers in one JVM do not stay apart under Jersey:
 * jersey-cdi1x finds "the" BeanManager globally ({@code CDI.current()}) and keeps one injection manager
 * store, so the second node would serve requests with the first node's beans (and secrets).
 */
public final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final URI uri;

    private NodeProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts the node; returns once it listens. */
    public static CompletableFuture<NodeProcess> start(Map<String, String> properties) {
        return start(properties, List.of("-Xmx128m"));
    }

    /** Starts the node with these JVM options (heap, system properties); returns once it listens. */
    public static CompletableFuture<NodeProcess> start(Map<String, String> properties, List<String> jvmOptions) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), NodeMain.class.getName()));
            properties.forEach((k, v) -> cmd.add(k + "=" + v));
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("LISTENING ")) {
                        // the node's output, kept under target/nodes/ for when a test fails
                        Path log = java.nio.file.Files.createDirectories(Path.of("target", "nodes")).resolve(p.pid() + ".log");
                        java.nio.file.Files.writeString(log, seen + line + "\n");
                        Thread drain = new Thread(() -> out.lines().forEach(l -> append(log, l)), "node-output");
                        drain.setDaemon(true);
                        drain.start();
                        return new NodeProcess(p, URI.create(line.substring("LISTENING ".length())));
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("the node exited before listening:\n" + seen);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void append(Path log, String line) {
        try {
            java.nio.file.Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only a diagnostic
        }
    }

    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
