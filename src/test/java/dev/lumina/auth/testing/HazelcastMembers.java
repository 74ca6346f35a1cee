package dev.lumina.auth.testing;

import com.hazelcast.cache.HazelcastMemberCachingProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Hazelcast members for the cluster tests, one per node JVM: bound to 127.0.0.1, multicast and auto-detection
 * off, a TCP member list on loopback, phone home off, a cluster name of their own (so two test runs never
 * meet). Each node gets a configuration file under {@code target/} and the Lumina properties that point the
 * JCache revocation store at it.
 */
public final class HazelcastMembers {
    private final List<Integer> ports = new ArrayList<>();
    private final String clusterName = "lumina-test-" + UUID.randomUUID();

    public HazelcastMembers(int count) {
        for (int i = 0; i < count; i++) {
            ports.add(freePort());
        }
    }

    /**
     * The Lumina properties of a node: the JCache store on Hazelcast's member provider with its default URI.
     * Not {@code lumina.auth.revocation.jcache.uri}: Hazelcast scopes cache names by the cache manager's URI, so
     * nodes with different configuration files would each see a cache of their own.
     */
    public Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("lumina.auth.revocation.store", "jcache");
        p.put("lumina.auth.revocation.jcache.provider", HazelcastMemberCachingProvider.class.getName());
        return p;
    }

    /** JVM options of member {@code index}: its configuration file, more heap than a plain node, no phone home. */
    public List<String> jvmOptions(int index) {
        return List.of("-Xmx256m", "-Dhazelcast.config=" + write(index), "-Dhazelcast.phone.home.enabled=false",
                "-Dhazelcast.logging.type=jdk", "-Djava.net.preferIPv4Stack=true");
    }

    private Path write(int index) {
        String members = ports.stream().map(p -> "<member>127.0.0.1:" + p + "</member>").collect(Collectors.joining());
        String xml = """
                <hazelcast xmlns="http://www.hazelcast.com/schema/config">
                  <cluster-name>%s</cluster-name>
                  <properties>
                    <property name="hazelcast.phone.home.enabled">false</property>
                    <property name="hazelcast.socket.bind.any">false</property>
                    <property name="hazelcast.wait.seconds.before.join">0</property>
                    <!-- on a loaded machine a member may drop out: the split clusters merge again within seconds -->
                    <property name="hazelcast.merge.first.run.delay.seconds">5</property>
                    <property name="hazelcast.merge.next.run.delay.seconds">5</property>
                    <property name="hazelcast.max.no.heartbeat.seconds">120</property>
                    <property name="hazelcast.logging.type">jdk</property>
                  </properties>
                  <network>
                    <port auto-increment="false">%d</port>
                    <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
                    <join>
                      <auto-detection enabled="false"/>
                      <multicast enabled="false"/>
                      <tcp-ip enabled="true" connection-timeout-seconds="2"><member-list>%s</member-list></tcp-ip>
                    </join>
                  </network>
                  <jet enabled="false"/>
                </hazelcast>
                """.formatted(clusterName, ports.get(index), members);
        try {
            Path dir = Files.createDirectories(Path.of("target", "hazelcast"));
            Path file = dir.resolve(clusterName + "-" + index + ".xml").toAbsolutePath();
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
