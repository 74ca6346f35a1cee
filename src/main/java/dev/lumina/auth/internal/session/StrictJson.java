package dev.lumina.auth.internal.session;

import dev.lumina.auth.AuthError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.consumer.ErrorCodes;

/**
 * The JSON of a token's header and payload, read with JSON-P: an object, a member repeated refused (as jose4j
 * refused it), nesting bounded by the parser (Parsson: 1000 levels, then an exception, never a stack overflow).
 * Values become what jose4j's parser made of them, so that claims read the same: strings, {@code Long} for a
 * number written without fraction or exponent, {@code Double} for any other, {@code Boolean}, {@code null},
 * lists and maps.
 */
final class StrictJson {
    /** Made once: creating a factory looks the provider up. */
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private StrictJson() {
    }

    /** The JSON object of {@code text}; {@code json-invalid} for anything else. */
    static JsonObject object(String text, AuthError failure) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw CompactTokens.refused(failure, ErrorCodes.JSON_INVALID);
        }
    }

    /** The members of {@code object} as jose4j's parser made them. */
    static Map<String, Object> toMap(JsonObject object, AuthError failure) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            map.put(e.getKey(), toJava(e.getValue(), failure));
        }
        return map;
    }

    private static Object toJava(JsonValue value, AuthError failure) {
        switch (value.getValueType()) {
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                return number((JsonNumber) value, failure);
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonValue v : (JsonArray) value) {
                    list.add(toJava(v, failure));
                }
                return list;
            case OBJECT:
                return toMap((JsonObject) value, failure);
            default:
                return null;
        }
    }

    private static Object number(JsonNumber n, AuthError failure) {
        String text = n.toString();
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw CompactTokens.refused(failure, ErrorCodes.JSON_INVALID); // beyond a long: jose4j could not read it either
            }
        }
        return n.doubleValue();
    }
}
