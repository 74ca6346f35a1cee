package dev.lumina.auth.internal.oauth;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's answer, read whole within the size cap.
 *
 * @param status      the HTTP status
 * @param contentType  the Content-Type header, or empty
 * @param cacheControl the Cache-Control header (several joined with {@code ,}), or empty
 * @param body         the body bytes (at most the configured cap)
 */
public record HttpReply(int status, String contentType, String cacheControl, byte[] body) {
    /** Made once: {@code Json.createReader} looks the JSON-P provider up with a ServiceLoader on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON object; empty when it is not one (junk, truncated, an array...). */
    public Optional<JsonObject> jsonObject() {
        return json().filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
    }

    /** The body as any JSON value; empty when it is not JSON (junk, truncated...). */
    public Optional<JsonValue> json() {
        try (var reader = READERS.createReader(new ByteArrayInputStream(body))) {
            return Optional.of(reader.readValue());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // e.g. a parser refusing too deep nesting
        }
    }

    /**
     * How long the answer may be kept by its {@code Cache-Control} (RFC 9111 5.2.2): empty without a
     * {@code max-age}; zero for {@code no-store}, {@code no-cache} or an unreadable {@code max-age}, which
     * all mean "do not keep"; the smallest when there are several.
     */
    public Optional<Duration> cacheMaxAge() {
        Duration found = null;
        for (String directive : cacheControl.split(",")) {
            String d = directive.trim().toLowerCase(Locale.ROOT);
            Duration age;
            if (d.equals("no-store") || d.equals("no-cache")) {
                age = Duration.ZERO;
            } else if (d.startsWith("max-age=")) {
                age = seconds(d.substring("max-age=".length()).replace("\"", ""));
            } else {
                continue;
            }
            found = found == null || age.compareTo(found) < 0 ? age : found;
        }
        return Optional.ofNullable(found);
    }

    /** Delta-seconds; beyond 2^31 taken as 2^31 (RFC 9111 1.2.2); anything else unreadable, so zero. */
    private static Duration seconds(String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Duration.ZERO;
        }
        long limit = 1L << 31;
        return Duration.ofSeconds(value.length() > 10 ? limit : Math.min(Long.parseLong(value), limit));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HttpReply[status=" + status + ", contentType=" + contentType + ", cacheControl=" + cacheControl
                + ", bytes=" + body.length + "]";
    }
}
