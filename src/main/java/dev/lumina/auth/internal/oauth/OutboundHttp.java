package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.config.AuthConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every call Lumina makes to a provider, with the JDK {@link HttpClient}: a connect timeout, a deadline for
 * the whole answer (a provider that trickles bytes cannot hold a request thread), a cap on the answer's
 * size, and no redirect followed anywhere (a redirect to {@code http://169.254.169.254/} is an answer, not
 * an instruction). Nothing here logs a request or a response body.
 */
public final class OutboundHttp {
    private final HttpClient client;
    private final Duration readTimeout;
    private final int maxBytes;

    public OutboundHttp(Duration connectTimeout, Duration readTimeout, int maxBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    public static OutboundHttp of(AuthConfig config) {
        return new OutboundHttp(config.httpConnectTimeout(), config.httpReadTimeout(), config.httpMaxResponseBytes());
    }

    public HttpReply get(URI uri, Map<String, String> headers) throws HttpCallFailed {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public HttpReply postForm(URI uri, Map<String, String> headers, Map<String, String> form) throws HttpCallFailed {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(b::header);
        return send(b);
    }

    private HttpReply send(HttpRequest.Builder builder) throws HttpCallFailed {
        HttpRequest request = builder.timeout(readTimeout).header("User-Agent", "lumina-auth").build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> new CappedBody(maxBytes));
        HttpResponse<byte[]> response;
        try {
            response = future.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpCallFailed(HttpCallFailed.Kind.TIMEOUT, "no complete answer within " + readTimeout, null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpCallFailed(HttpCallFailed.Kind.BROKEN, "interrupted", e);
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new HttpCallFailed(HttpCallFailed.Kind.REDIRECTED, "answered with a redirect (" + status + "), not followed", null);
        }
        return new HttpReply(status, response.headers().firstValue("Content-Type").orElse(""),
                String.join(",", response.headers().allValues("Cache-Control")), response.body());
    }

    private HttpCallFailed classify(Throwable t) {
        if (t instanceof TooLarge) {
            return new HttpCallFailed(HttpCallFailed.Kind.TOO_LARGE, "answer longer than " + maxBytes + " bytes", null);
        }
        if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException || t instanceof UnresolvedAddressException
                || (t instanceof IOException && t.getCause() instanceof ConnectException)) {
            return new HttpCallFailed(HttpCallFailed.Kind.UNREACHABLE, "cannot connect: " + t.getClass().getSimpleName(), null);
        }
        if (t instanceof HttpTimeoutException) {
            return new HttpCallFailed(HttpCallFailed.Kind.TIMEOUT, "no answer within " + readTimeout, null);
        }
        return new HttpCallFailed(HttpCallFailed.Kind.BROKEN, "call failed: " + (t == null ? "unknown" : t.getClass().getSimpleName()), null);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The answer is longer than the cap. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too large", null);
        }
    }

    /** Collects the body, and cancels the download as soon as it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (out.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
