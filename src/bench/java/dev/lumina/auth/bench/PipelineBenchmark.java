package dev.lumina.auth.bench;

import com.sun.management.ThreadMXBean;
import dev.lumina.auth.internal.cdi.LuminaExtension;
import dev.lumina.auth.internal.config.ConfigSources;
import dev.lumina.auth.internal.embedded.EmbeddedLauncher;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Lumina's cost inside Jersey, without the network: {@link HelloResource}'s GET handed to Jersey's
 * {@code ApplicationHandler} in a loop on one thread, with the thread's CPU time and allocated bytes per request.
 * The HTTP comparison ({@code bin/bench-http}) carries the loopback's noise (the kernel's share of a request is
 * most of it, and wrk shares the cores); this one shows what Lumina adds to the runtime's own work, steadily
 * enough to see a few hundred nanoseconds or bytes. One mode per JVM (Jersey's CDI integration sees one CDI
 * container per JVM): {@code lumina-signed}, {@code lumina-anonymous}, {@code plain-cookie} (plain Jersey + Weld,
 * sent the same Cookie header), {@code plain}. {@code bin/bench-pipeline} runs them all and prints the table.
 *   PipelineBenchmark MODE [rounds] [requests per round]
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        boolean lumina = mode.startsWith("lumina");
        String cookie = mode.endsWith("signed") || mode.endsWith("cookie") ? "lumina.session=" + HttpServers.sessionToken() : null;

        Weld weld = HttpServers.withoutLumina(new Weld("pipeline"));
        if (lumina) {
            weld.addExtension(new LuminaExtension(ConfigSources.over(Map.of("lumina.auth.secret", HttpServers.SECRET))));
        }
        WeldContainer container = weld.initialize();
        ResourceConfig app = lumina ? EmbeddedLauncher.application(container) : new ResourceConfig();
        app.register(HelloResource.class);
        ApplicationHandler handler = new ApplicationHandler(app);
        URI base = URI.create("http://127.0.0.1:8080/");
        URI uri = base.resolve("hello");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] cpu = new double[rounds];
        long bytes = 0;
        for (int round = 0; round < rounds; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long b0 = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < perRound; i++) {
                ContainerRequest request = new ContainerRequest(base, uri, "GET", null, new MapPropertiesDelegate(), handler.getConfiguration());
                request.header("Host", "127.0.0.1:8080");
                if (cookie != null) {
                    request.header("Cookie", cookie);
                }
                ContainerResponse response = handler.apply(request).get();
                if (response.getStatus() != 200) {
                    throw new IllegalStateException(mode + ": status " + response.getStatus());
                }
            }
            cpu[round] = (threads.getCurrentThreadCpuTime() - c0) / (double) perRound;
            bytes = (threads.getCurrentThreadAllocatedBytes() - b0) / perRound;
            System.out.printf("%s round %d: %.0f ns CPU, %d bytes per request%n", mode, round + 1, cpu[round], bytes);
        }
        // the second half: the first rounds carry the JIT's work
        double[] warm = Arrays.copyOfRange(cpu, rounds / 2, rounds);
        Arrays.sort(warm);
        System.out.printf("result %s %.0f %d%n", mode, warm[warm.length / 2], bytes);
        container.shutdown();
        System.exit(0);
    }
}
