package dev.lumina.auth.internal.oauth;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A provider's answer, read whole within the size cap.
 *
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or empty
 * @param body        the body bytes (at most the configured cap)
 */
public record HttpReply(int status, String contentType, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON object; empty when it is not one (junk, truncated, an array...). */
    public Optional<JsonObject> jsonObject() {
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue v = reader.readValue();
            return v instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // e.g. a parser refusing too deep nesting
        }
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HttpReply[status=" + status + ", contentType=" + contentType + ", bytes=" + body.length + "]";
    }
}
