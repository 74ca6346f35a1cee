package dev.lumina.sample;

/** The provider ids this sample is configured with (META-INF/microprofile-config.properties and the server). */
final class SampleProviders {
    /** Email and password, checked by {@link SignInObserver#onCredentials}. */
    static final String CREDENTIALS = "credentials";

    private SampleProviders() {
    }
}
