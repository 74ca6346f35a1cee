/**
 * Provider presets and factories for applications that configure Lumina in code
 * ({@code AuthConfig.builder().provider(Google.of(id, secret))}). The same providers can be configured by
 * properties alone: {@code lumina.auth.providers.<id>.*} (see {@link dev.lumina.auth.config.ProviderKey}).
 */
package dev.lumina.auth.provider;
