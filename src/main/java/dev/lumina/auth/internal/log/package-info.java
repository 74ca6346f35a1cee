/**
 * Lumina's log lines: the catalogue of ids and texts ({@link dev.lumina.auth.internal.log.LogMessage}) and
 * the writer that keeps input from forging lines ({@link dev.lumina.auth.internal.log.LuminaLog}).
 */
package dev.lumina.auth.internal.log;
