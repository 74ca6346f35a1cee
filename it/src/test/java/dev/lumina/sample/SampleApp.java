package dev.lumina.sample;

import java.net.URI;

/**
 * What the test interfaces ({@link OidcSignInTests}, {@link PasswordSignInTests}, {@link AccountLinkingTests})
 * need from the class that deploys the sample: its base URI. They are interfaces with default {@code @Test}
 * methods so that {@link SampleAppIT} runs them all against one deployment: Payara Micro's Arquillian
 * connector boots a new server for every deployment, i.e. for every test class.
 */
interface SampleApp {

    /** The application's base URI on loopback, ending in {@code /}. */
    URI app();

    /** A new browser with an empty cookie jar. */
    default Browser browser() {
        return new Browser(app());
    }
}
