/**
 * Lumina Auth's public API: the {@link dev.lumina.auth.Session}, the {@link dev.lumina.auth.Current}
 * qualifier, {@link dev.lumina.auth.Authenticated}, the events an application observes to decide who may
 * sign in, and the stable {@link dev.lumina.auth.AuthError} codes. Nothing here depends on the internals.
 */
package dev.lumina.auth;
