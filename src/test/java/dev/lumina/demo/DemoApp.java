package dev.lumina.demo;

/**
 * Runs the {@link Demo} on http://localhost:8080 ({@code PORT} overrides) until stopped.
 *
 * <pre>{@code mvn -B -q -Pdemo test-compile exec:java}</pre>
 */
public final class DemoApp {
    private DemoApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("PORT", "8080"));
        Demo demo = Demo.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        System.out.println();
        System.out.println("  Lumina Auth demo on " + demo.root() + " (or " + demo.root("127.0.0.1") + ")");
        System.out.println("  client.js page:        " + demo.root() + "demo");
        System.out.println("  built-in sign-in page: " + demo.root() + "auth/signin");
        System.out.println("  demo account:          " + DemoAccounts.USER + " / " + DemoAccounts.PASSWORD);
        System.out.println("  dev provider (mock-oauth2-server) at " + demo.issuer() + ": type any name");
        System.out.println("  Ctrl+C to stop");
        System.out.println();
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
