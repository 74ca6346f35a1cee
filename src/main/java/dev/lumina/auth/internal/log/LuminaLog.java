package dev.lumina.auth.internal.log;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Writes the lines of {@link LogMessage} through {@link System.Logger}, each starting with its id. Arguments
 * are stripped of line breaks so that input cannot forge a log line (CWE-117). Callers never pass a token,
 * code, secret or cookie value.
 */
public final class LuminaLog {
    /** Longest argument written; the rest is cut with "...". */
    static final int MAX_ARGUMENT_CHARS = 512;

    private final System.Logger logger;

    private LuminaLog(System.Logger logger) {
        this.logger = logger;
    }

    public static LuminaLog of(Class<?> type) {
        return new LuminaLog(System.getLogger(type.getName()));
    }

    /** The message at its level. */
    public void log(LogMessage message, Object... args) {
        write(message.level(), message, null, args);
    }

    /** The message at its level, with the stack trace of what went wrong (for Lumina's own failures). */
    public void withStack(LogMessage message, Throwable cause, Object... args) {
        write(message.level(), message, cause, args);
    }

    /**
     * Application code (an observer) threw: the message at its level with the exception's class and message
     * as the last argument; the stack trace only at debug, since it is the application's and is logged by it.
     */
    public void observerFailed(LogMessage message, RuntimeException e, Object... args) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = describe(e);
        write(message.level(), message, null, all);
        if (logger.isLoggable(Level.DEBUG)) {
            logger.log(Level.DEBUG, message.code() + " stack trace", e);
        }
    }

    /**
     * A message followed by a list, one item a line (each item sanitised, none cut): configuration problems
     * are read by people, all of them at once.
     */
    public void list(LogMessage message, List<String> items, Object... args) {
        if (!logger.isLoggable(message.level())) {
            return;
        }
        logger.log(message.level(), message.code() + " " + String.format(message.text(), sanitized(args))
                + bulleted(items));
    }

    /** {@code "\n  - a\n  - b"}: the items sanitised, never cut. */
    public static String bulleted(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
            sb.append("\n  - ").append(sanitize(item, Integer.MAX_VALUE));
        }
        return sb.toString();
    }

    /** {@code java.lang.IllegalStateException: the message} (the message sanitised). */
    public static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
    }

    private void write(Level level, LogMessage message, Throwable cause, Object... args) {
        if (!logger.isLoggable(level)) {
            return;
        }
        String line = message.code() + " " + String.format(message.text(), sanitized(args));
        if (cause == null) {
            logger.log(level, line);
        } else {
            logger.log(level, line, cause);
        }
    }

    private static Object[] sanitized(Object[] args) {
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = sanitize(args[i], MAX_ARGUMENT_CHARS);
        }
        return safe;
    }

    /** Escapes line breaks and other control characters; cuts at {@link #MAX_ARGUMENT_CHARS}. */
    public static String sanitize(Object value) {
        return sanitize(value, MAX_ARGUMENT_CHARS);
    }

    private static String sanitize(Object value, int max) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length() && i < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > max) {
            sb.append("...");
        }
        return sb.toString();
    }
}
