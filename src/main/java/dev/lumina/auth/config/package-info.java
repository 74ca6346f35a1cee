/**
 * Configuration: {@link dev.lumina.auth.config.AuthConfig} and its builder, and the table of keys and
 * defaults ({@link dev.lumina.auth.config.ConfigKey}, {@link dev.lumina.auth.config.ProviderKey}).
 */
package dev.lumina.auth.config;
