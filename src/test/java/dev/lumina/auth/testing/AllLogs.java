package dev.lumina.auth.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record (java.util.logging, where System.Logger, Jersey, Grizzly and Weld write) at
 * the most detailed level while open, formatted as they would be printed. The test's own HTTP client
 * (Apache HttpClient under rest-assured) and the test's OpenID provider (mock-oauth2-server) are left out:
 * they are the browser's and the provider's side.
 */
public final class AllLogs implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level previous = root.getLevel();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            String name = String.valueOf(record.getLoggerName());
            if (name.startsWith("org.apache.http") || name.startsWith("io.restassured")
                    || name.startsWith("no.nav.security") || name.startsWith("okhttp3") || name.startsWith("mockwebserver3")) {
                return; // the test's own HTTP client and the test's provider, not the application's server
            }
            records.add(record);
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private AllLogs(Level level) {
        handler.setLevel(level);
        root.setLevel(level);
        root.addHandler(handler);
    }

    /** Everything, down to FINEST (DEBUG and TRACE). */
    public static AllLogs all() {
        return new AllLogs(Level.ALL);
    }

    public static AllLogs info() {
        return new AllLogs(Level.INFO);
    }

    /** All output as printed, one string. */
    public String text() {
        return String.join("", lines);
    }

    public List<LogRecord> records() {
        return records;
    }

    /** The formatted messages that carry a Lumina id. */
    public List<String> luminaMessages() {
        return records.stream().map(r -> new SimpleFormatter().formatMessage(r)).filter(m -> m.startsWith("LUMINA-")).toList();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(previous);
    }
}
