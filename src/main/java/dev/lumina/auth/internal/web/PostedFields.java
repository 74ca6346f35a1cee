package dev.lumina.auth.internal.web;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a POST to Lumina, from a form ({@code application/x-www-form-urlencoded}) or a JSON object
 * of strings. Read with bounds before anything else looks at them: the body size, the number of fields and
 * each value's length. Repeated fields are kept as such so that callers can refuse them. A value over
 * {@link #MAX_VALUE_CHARS} is not kept, but its field's name is ({@link #isOversized}): the body then counts as
 * too large ({@link #hasOversizedField}), yet a sign-in can still tell that its {@code callbackUrl} was the
 * problem ({@code invalid_redirect}) rather than a missing CSRF token.
 */
public final class PostedFields {
    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final int MAX_FIELDS = 32;
    public static final int MAX_VALUE_CHARS = 1024;

    /** A repeated key in a JSON object is refused like a repeated form field, not silently collapsed. */
    private static final JsonReaderFactory JSON_READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private final Map<String, List<String>> values;
    private final java.util.Set<String> oversized;

    private PostedFields(Map<String, List<String>> values) {
        this(values, java.util.Set.of());
    }

    private PostedFields(Map<String, List<String>> values, java.util.Set<String> oversized) {
        this.values = values;
        this.oversized = java.util.Set.copyOf(oversized);
    }

    /** Why a body was refused. */
    public enum Problem { TOO_LARGE, MALFORMED, UNSUPPORTED_TYPE }

    /** Thrown for a body that is too large, malformed or of another type. */
    public static final class RefusedBody extends Exception {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        RefusedBody(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public static PostedFields empty() {
        return new PostedFields(Map.of());
    }

    /**
     * The fields of a body, read with bounds.
     *
     * @param contentType the request's {@code Content-Type}, or {@code null}
     */
    public static PostedFields read(String contentType, InputStream body) throws RefusedBody {
        byte[] bytes = readBounded(body);
        if (bytes.length == 0) {
            return empty();
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (type.equals("application/x-www-form-urlencoded")) {
            return form(text);
        }
        if (type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"))) {
            return json(text);
        }
        throw new RefusedBody(Problem.UNSUPPORTED_TYPE);
    }

    /** The single value of a field; empty when absent. */
    public Optional<String> first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** {@code true} when the field was sent with a value over {@link #MAX_VALUE_CHARS} (not kept). */
    public boolean isOversized(String name) {
        return oversized.contains(name);
    }

    /** {@code true} when some field's value was over {@link #MAX_VALUE_CHARS}: the body counts as too large. */
    public boolean hasOversizedField() {
        return !oversized.isEmpty();
    }

    /**
     * {@code true} when some field was sent more than once, an oversized value counting as one (found by fuzzing:
     * {@code a=1&a=<1100 characters>} kept one value and looked like a single field).
     */
    public boolean hasRepeatedField() {
        return values.values().stream().anyMatch(v -> v.size() > 1) || oversized.stream().anyMatch(values::containsKey);
    }

    /** Every field with its single value (the first, for repeated ones). */
    public Map<String, String> singleValues() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.get(0)));
        return Collections.unmodifiableMap(m);
    }

    private static byte[] readBounded(InputStream in) throws RefusedBody {
        if (in == null) {
            return new byte[0];
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    throw new RefusedBody(Problem.TOO_LARGE);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new RefusedBody(Problem.MALFORMED);
        }
    }

    private static PostedFields form(String text) throws RefusedBody {
        Map<String, List<String>> m = new LinkedHashMap<>();
        java.util.Set<String> over = new java.util.HashSet<>();
        int count = 0;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_FIELDS) {
                throw new RefusedBody(Problem.TOO_LARGE);
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                add(m, over, name, value);
            } catch (IllegalArgumentException e) {
                throw new RefusedBody(Problem.MALFORMED);
            }
        }
        return new PostedFields(m, over);
    }

    private static PostedFields json(String text) throws RefusedBody {
        JsonObject object;
        try (var reader = JSON_READERS.createReader(new StringReader(text))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new RefusedBody(Problem.MALFORMED);
        } catch (RuntimeException e) {
            // found by fuzzing (PostedFieldsFuzzTest, input deep-json): parsson refuses nesting deeper than 1000
            // with a plain RuntimeException, which was a 500
            throw new RefusedBody(Problem.MALFORMED);
        }
        if (object.size() > MAX_FIELDS) {
            throw new RefusedBody(Problem.TOO_LARGE);
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        java.util.Set<String> over = new java.util.HashSet<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            if (e.getValue().getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            JsonValue v = e.getValue();
            if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
                // a flag such as sign-out's {"provider": true} reads as the form field provider=true
                add(m, over, e.getKey(), String.valueOf(v == JsonValue.TRUE));
                continue;
            }
            if (!(v instanceof JsonString)) {
                throw new RefusedBody(Problem.MALFORMED); // {"username":{"$ne":null}} and the like
            }
            add(m, over, e.getKey(), ((JsonString) v).getString());
        }
        return new PostedFields(m, over);
    }

    private static void add(Map<String, List<String>> m, java.util.Set<String> over, String name, String value)
            throws RefusedBody {
        if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
            throw new RefusedBody(Problem.MALFORMED);
        }
        if (name.length() > MAX_VALUE_CHARS) {
            throw new RefusedBody(Problem.TOO_LARGE);
        }
        if (value.length() > MAX_VALUE_CHARS) {
            over.add(name);
            return;
        }
        m.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
}
