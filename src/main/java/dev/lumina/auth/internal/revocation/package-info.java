/**
 * Revocation: sessions ended before they expire (sign-out, "sign out everywhere", a provider's back-channel
 * logout). {@link dev.lumina.auth.internal.revocation.SessionRevocations} builds the keys and answers the check
 * that runs on every request; the stores keep the entries, in this node's memory or in a JCache cache shared by
 * a cluster and read from a local copy that its entry events keep up to date. Nothing here calls the network on
 * the request path.
 */
package dev.lumina.auth.internal.revocation;
