/**
 * The built-in pages (sign-in, error) and the browser client: plain HTML and CSS that work without
 * JavaScript, every value escaped, served with {@code no-store} and a strict Content-Security-Policy.
 */
package dev.lumina.auth.internal.pages;
