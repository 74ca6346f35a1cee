package dev.lumina.demo;

import java.util.Map;

/**
 * What the demo adds for credentials sign-in and the client.js page: the provider's properties and the
 * classes to register with {@code LuminaServer.builder()}, e.g.
 * {@code builder.properties(DemoCredentials.PROPERTIES).classes(DemoCredentials.CLASSES)}.
 */
public final class DemoCredentials {
    /** Provider {@code credentials}: username and password, checked by {@link DemoAccounts}. */
    public static final Map<String, String> PROPERTIES = Map.of(
            "lumina.auth.providers.credentials.type", "credentials",
            "lumina.auth.providers.credentials.name", "Demo account",
            "lumina.auth.providers.credentials.fields", "username,password");

    public static final Class<?>[] CLASSES = {DemoAccounts.class, DemoPageResource.class};

    private DemoCredentials() {
    }
}
