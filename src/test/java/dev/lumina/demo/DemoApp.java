package dev.lumina.demo;

/**
 * Runs the demo until stopped: {@code mvn -Pdemo} (or this class's {@code main} from an IDE, on the test
 * class path), then open http://localhost:8080/demo. Sign in with the demo account ({@code demo} /
 * {@code lumina-demo}) or with "Dev SSO" (any user name on the provider's login form).
 */
public final class DemoApp {
    private DemoApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        try (Demo demo = Demo.start(port)) {
            System.out.println("Lumina Auth demo: " + demo.home());
            System.out.println("  built-in sign-in page: http://localhost:" + demo.app().port() + "/auth/signin");
            System.out.println("  demo account: " + DemoAccounts.USER + " / " + DemoAccounts.PASSWORD);
            System.out.println("  Dev SSO (OpenID Connect): " + demo.issuer() + " (type any user name)");
            Thread.currentThread().join();
        }
    }
}
