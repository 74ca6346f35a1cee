/**
 * Configuration: {@link dev.lumina.auth.config.AuthConfig} and its builder, and the table of keys and
 * defaults ({@link dev.lumina.auth.config.ConfigKey}, {@link dev.lumina.auth.config.ProviderKey}). An application
 * that does not configure Lumina with properties produces the whole configuration:
 *
 * <pre>{@code
 * @Produces
 * AuthConfig config() {
 *     return AuthConfig.builder()
 *             .secrets(System.getenv("AUTH_SECRET"))
 *             .provider(ProviderConfig.builder("google", ProviderType.GOOGLE)
 *                     .clientId(System.getenv("GOOGLE_ID")).clientSecret(System.getenv("GOOGLE_SECRET")).build())
 *             .build();
 * }
 * }</pre>
 */
package dev.lumina.auth.config;
