package dev.lumina.auth.internal.web;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cookies of any size, up to a bound. A value whose {@code Set-Cookie} fits the 4096 bytes a browser keeps is one
 * cookie, {@code <name>=<value>}; a larger one is cut into numbered chunks {@code <name>.0} ... {@code <name>.<n-1>}
 * of {@value #CHUNK_CHARS} characters each, the first carrying the count ({@code <name>.0=<n>~<part>}), so the set
 * the browser sends back must be exact. At most {@value #MAX_CHUNKS} chunks; a larger value is refused like an
 * oversized cookie always was.
 * <p>
 * Reading is strict: one plain cookie, or chunks {@code 0..n-1} each exactly once; a missing chunk, a chunk beyond
 * the count, a repeated name, an unknown suffix, or a plain cookie beside chunks is refused (planted or stale). The
 * reassembled value is the whole token and is verified as one (a JWS or JWE over all chunks): a chunk swapped,
 * reordered or altered fails its signature. Writing clears every cookie of the family the request sent that the
 * new value does not overwrite (the chunks of a previous larger value, or the plain cookie).
 */
public final class CookieChunks {
    /** Characters of the value per chunk: with the longest name and every attribute, far below 4096 bytes. */
    public static final int CHUNK_CHARS = 3800;
    /** At most this many chunks (about 19 KB), so that a browser's Cookie header stays within server limits. */
    public static final int MAX_CHUNKS = 5;
    /** The longest value that can be written. */
    public static final int MAX_VALUE_CHARS = CHUNK_CHARS * MAX_CHUNKS;
    private static final char COUNT_MARK = '~';
    private static final java.util.regex.Pattern STRAY_SUFFIX = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,8}");

    private CookieChunks() {
    }

    /** What the request carried under a cookie's name. */
    public record Read(String value, String problem, Set<String> names) {
        /** Nothing of this cookie was sent. */
        public boolean absent() {
            return value == null && problem == null;
        }

        /** Sent but not in the exact form Lumina writes: {@link #problem()} says why. */
        public boolean refused() {
            return problem != null;
        }
    }

    /**
     * The value of cookie {@code name} from the raw {@code Cookie} headers, whole or reassembled from its chunks.
     * One pass over the headers; collections are made only when the request carries chunks (the session filter
     * calls this on every request).
     */
    public static Read read(List<String> headers, String name) {
        Scan scan = new Scan(name);
        CookieHeader.forEachCookie(headers, name, scan);
        Set<String> names = scan.names != null ? scan.names : scan.plainCount == 1 ? Set.of(name) : Set.of();
        if (scan.problem != null) {
            return new Read(null, scan.problem, names);
        }
        if (scan.chunks == null) {
            return new Read(scan.plain == null || scan.plain.isEmpty() ? null : scan.plain, null, names);
        }
        if (scan.plain != null) {
            return new Read(null, "a plain cookie beside chunks", names);
        }
        return assemble(scan.chunks, names);
    }

    /** What one pass over the cookies found of one name and its chunks. */
    private static final class Scan implements java.util.function.BiConsumer<String, String> {
        private final String name;
        private String plain;
        private int plainCount;
        private Map<Integer, String> chunks;
        private Set<String> names;
        private String problem;

        Scan(String name) {
            this.name = name;
        }

        @Override
        public void accept(String n, String v) {
            if (!n.startsWith(name)) {
                return;
            }
            if (n.length() == name.length()) {
                if (++plainCount > 1) {
                    problem = "cookie " + n + " sent twice";
                }
                if (names != null) {
                    names.add(name);
                }
                plain = v;
                return;
            }
            if (n.charAt(name.length()) != '.') {
                return; // another cookie whose name merely begins alike
            }
            if (names == null) {
                names = new LinkedHashSet<>(4);
                chunks = new HashMap<>(4);
                if (plainCount > 0) {
                    names.add(name);
                }
            }
            int index = index(n.substring(name.length() + 1));
            if (!names.add(n)) {
                problem = "cookie " + n + " sent twice";
            } else if (index < 0) {
                problem = "a cookie " + n + " that is no chunk Lumina writes";
            } else {
                chunks.put(index, v);
            }
        }
    }

    private static Read assemble(Map<Integer, String> chunks, Set<String> names) {
        String first = chunks.get(0);
        if (first == null || first.length() < 3 || first.charAt(1) != COUNT_MARK) {
            return new Read(null, "chunk 0 missing or without the count", names);
        }
        int count = first.charAt(0) - '0';
        if (count < 2 || count > MAX_CHUNKS) {
            return new Read(null, "a chunk count out of range", names);
        }
        if (chunks.size() != count) {
            return new Read(null, chunks.size() + " chunks sent for a count of " + count, names);
        }
        StringBuilder value = new StringBuilder(count * CHUNK_CHARS).append(first, 2, first.length());
        for (int i = 1; i < count; i++) {
            String part = chunks.get(i);
            if (part == null || part.isEmpty()) {
                return new Read(null, "chunk " + i + " of " + count + " missing", names);
            }
            value.append(part);
        }
        return new Read(value.toString(), null, names);
    }

    /** The index of a chunk name's suffix ({@code 0} to {@code MAX_CHUNKS - 1}, one digit), or -1. */
    private static int index(String suffix) {
        if (suffix.length() != 1) {
            return -1;
        }
        int i = suffix.charAt(0) - '0';
        return i >= 0 && i < MAX_CHUNKS ? i : -1;
    }

    /**
     * The {@code Set-Cookie} headers that store {@code value}: one cookie when it fits, else its chunks; plus the
     * clearing of every name of the family in {@code sent} that is not written now.
     *
     * @param sent the cookie names the request carried (any names; only this cookie's family counts)
     * @throws AuthException {@code server_error} when the value needs more than {@value #MAX_CHUNKS} chunks
     */
    public static List<String> write(CookieNames cookie, String value, Duration maxAge, boolean secure, Collection<String> sent) {
        String name = cookie.name(secure);
        List<String> headers = new ArrayList<>(2);
        Set<String> written = new LinkedHashSet<>();
        String whole = null;
        try {
            whole = SetCookie.of(name, cookie.baseName(), value, maxAge, secure);
        } catch (AuthException tooLarge) {
            // cut into chunks below
        }
        if (whole != null) {
            headers.add(whole);
            written.add(name);
        } else {
            int count = (value.length() + CHUNK_CHARS - 1) / CHUNK_CHARS;
            if (count > MAX_CHUNKS) {
                throw new AuthException(AuthError.SERVER_ERROR, "the " + cookie.baseName() + " cookie would be "
                        + value.length() + " characters, " + count + " chunks of " + CHUNK_CHARS + "; at most " + MAX_CHUNKS
                        + " are written: put fewer claims in the session");
            }
            for (int i = 0; i < count; i++) {
                String part = value.substring(i * CHUNK_CHARS, Math.min(value.length(), (i + 1) * CHUNK_CHARS));
                String chunkName = name + "." + i;
                headers.add(SetCookie.of(chunkName, cookie.baseName(), i == 0 ? count + "" + COUNT_MARK + part : part, maxAge, secure));
                written.add(chunkName);
            }
        }
        for (String n : family(name, sent)) {
            if (!written.contains(n)) {
                headers.add(SetCookie.clear(n, secure));
            }
        }
        return headers;
    }

    /** Clears the cookie: the plain name always, and every chunk of it the request carried. */
    public static List<String> clear(CookieNames cookie, boolean secure, Collection<String> sent) {
        String name = cookie.name(secure);
        List<String> headers = new ArrayList<>(1);
        headers.add(SetCookie.clear(name, secure));
        for (String n : family(name, sent)) {
            if (!n.equals(name)) {
                headers.add(SetCookie.clear(n, secure));
            }
        }
        return headers;
    }

    /** Clears what the request carried of the cookie (plain or chunks); nothing when it carried none. */
    public static List<String> clearSent(CookieNames cookie, boolean secure, Collection<String> sent) {
        List<String> headers = new ArrayList<>(0);
        for (String n : family(cookie.name(secure), sent)) {
            headers.add(SetCookie.clear(n, secure));
        }
        return headers;
    }

    /** Whether a {@code Set-Cookie} header value sets (or clears) this cookie or one of its chunks. */
    public static boolean sets(String setCookie, String name) {
        return setCookie.startsWith(name) && setCookie.length() > name.length()
                && (setCookie.charAt(name.length()) == '=' || setCookie.charAt(name.length()) == '.');
    }

    private static List<String> family(String name, Collection<String> sent) {
        List<String> found = new ArrayList<>(0);
        if (sent == null) {
            return found;
        }
        for (String n : sent) {
            // any suffix in a safe alphabet: a stale or planted chunk name that reading refuses is cleared too
            if (n.equals(name) || (n.startsWith(name + ".") && STRAY_SUFFIX.matcher(n.substring(name.length() + 1)).matches())) {
                found.add(n);
            }
        }
        return found;
    }
}
