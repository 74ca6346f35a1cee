package dev.lumina.auth.internal.web;

import static dev.lumina.auth.testing.FuzzSupport.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lumina.auth.testing.FuzzSupport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzzing of a POSTed body (sign-in, sign-out, credentials): the first line of the input is the
 * {@code Content-Type}, the rest the body. Only {@link PostedFields.RefusedBody} may come out; what is kept obeys
 * the bounds.
 */
class PostedFieldsFuzzTest {
    @FuzzTest
    void postedBody(byte[] data) {
        String[] parts = FuzzSupport.split(data);
        PostedFields fields;
        try {
            fields = PostedFields.read(parts[0].isEmpty() ? null : parts[0],
                    new ByteArrayInputStream(parts[1].getBytes(StandardCharsets.UTF_8)));
        } catch (PostedFields.RefusedBody e) {
            check(e.problem() != null, "a refusal says why");
            return;
        }
        Map<String, String> values = fields.singleValues();
        check(values.size() <= PostedFields.MAX_FIELDS, "at most " + PostedFields.MAX_FIELDS + " fields");
        values.forEach((k, v) -> {
            check(k.length() <= PostedFields.MAX_VALUE_CHARS && v.length() <= PostedFields.MAX_VALUE_CHARS, "bounded");
            check(k.indexOf('\0') < 0 && v.indexOf('\0') < 0, "no NUL");
            check(fields.first(k).isPresent(), "a kept field is readable");
            check(!fields.isOversized(k) || fields.hasRepeatedField(), "a field kept and oversized was sent twice");
        });
        fields.hasRepeatedField();
    }
}
