package dev.lumina.auth.testing;

import dev.lumina.auth.embedded.LuminaServer;

/**
 * One embedded node in a JVM of its own ({@link NodeProcess}): properties as {@code key=value} arguments;
 * prints {@code LISTENING <uri>} once serving and stops when its standard input closes.
 */
public final class NodeMain {
    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        LuminaServer.Builder b = LuminaServer.builder().port(0).classes(ProbeResource.class, RevokeResource.class);
        for (String a : args) {
            int eq = a.indexOf('=');
            b.property(a.substring(0, eq), a.substring(eq + 1));
        }
        try (LuminaServer server = b.start()) {
            System.out.println("LISTENING " + server.uri());
            System.out.flush();
            while (System.in.read() != -1) {
                // until the parent closes our input (or dies)
            }
        }
    }
}
