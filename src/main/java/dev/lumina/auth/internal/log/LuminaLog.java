package dev.lumina.auth.internal.log;

import java.lang.System.Logger.Level;

/**
 * Lumina's log lines: each carries an id {@code LUMINA-NNNN} (ranges: 0xxx deployment and configuration,
 * 1xxx session and cookies, 2xxx sign-in flow, 3xxx providers). Arguments are stripped of line breaks so
 * input cannot forge a log line (CWE-117). Callers never pass a token, code, secret or cookie value.
 */
public final class LuminaLog {
    private final System.Logger logger;

    private LuminaLog(System.Logger logger) {
        this.logger = logger;
    }

    public static LuminaLog of(Class<?> type) {
        return new LuminaLog(System.getLogger(type.getName()));
    }

    public void info(int id, String message, Object... args) {
        log(Level.INFO, id, message, null, args);
    }

    public void warn(int id, String message, Object... args) {
        log(Level.WARNING, id, message, null, args);
    }

    public void error(int id, String message, Throwable cause, Object... args) {
        log(Level.ERROR, id, message, cause, args);
    }

    public void debug(int id, String message, Object... args) {
        log(Level.DEBUG, id, message, null, args);
    }

    private void log(Level level, int id, String message, Throwable cause, Object... args) {
        if (!logger.isLoggable(level)) {
            return;
        }
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = sanitize(args[i]);
        }
        String line = String.format("LUMINA-%04d %s", id, String.format(message, safe));
        if (cause == null) {
            logger.log(level, line);
        } else {
            logger.log(level, line, cause);
        }
    }

    /** Escapes line breaks and other control characters. */
    public static String sanitize(Object value) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length() && i < 512; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > 512) {
            sb.append("...");
        }
        return sb.toString();
    }
}
