/**
 * The per-runtime pieces that tell the peer address of a request (servlet, Grizzly), chosen at run time
 * by what answers; see {@link dev.lumina.auth.internal.jaxrs.remote.RemoteAddress}.
 */
package dev.lumina.auth.internal.jaxrs.remote;
