/**
 * The wiring, and nothing else: the portable extension that registers Lumina's beans and validates the
 * configuration at deployment, the list of Lumina's classes, and the producers of its immutable
 * collaborators.
 */
package dev.lumina.auth.internal.cdi;
