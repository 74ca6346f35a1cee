/**
 * Reading and checking the configuration: the sources (MicroProfile Config, system properties, environment)
 * and their order, the loader that turns keys into an {@link dev.lumina.auth.config.AuthConfig}, and the
 * validator that names every problem with the key to set.
 */
package dev.lumina.auth.internal.config;
