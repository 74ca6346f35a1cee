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
        return CompletableFuture.supplyAsync(() -> {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), NodeMain.class.getName()));
            properties.forEach((k, v) -> cmd.add(k + "=" + v));
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("LISTENING ")) {
                        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "node-output");
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
