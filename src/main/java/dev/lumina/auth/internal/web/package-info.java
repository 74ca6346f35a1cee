/**
 * The vocabulary of HTTP that the flow speaks without depending on an HTTP runtime: what a request is
 * ({@link dev.lumina.auth.internal.web.AuthRequest}, {@link dev.lumina.auth.internal.web.RequestFacts},
 * {@link dev.lumina.auth.internal.web.PostedFields}), what an answer is
 * ({@link dev.lumina.auth.internal.web.Reply}), and how Lumina's cookies are named and written.
 */
package dev.lumina.auth.internal.web;
