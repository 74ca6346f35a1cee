/**
 * The embedded runtime behind {@link dev.lumina.auth.embedded.LuminaServer}: Weld SE, then Jersey on Grizzly,
 * with Lumina's extension and resources registered by hand (bean discovery is off).
 */
package dev.lumina.auth.internal.embedded;
