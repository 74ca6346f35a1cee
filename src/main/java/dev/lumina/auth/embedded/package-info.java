/**
 * The embedded runtime: {@link dev.lumina.auth.embedded.LuminaServer} runs an application with Lumina on
 * Jersey + Weld SE + Grizzly, for development, tests and the demo.
 */
package dev.lumina.auth.embedded;
