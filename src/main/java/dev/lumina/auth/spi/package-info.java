/**
 * The few interfaces an application may replace with a CDI {@code @Alternative}, such as
 * {@link dev.lumina.auth.spi.SessionCodec}.
 */
package dev.lumina.auth.spi;
