package io.podidentity.mic.arm;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An azure-core HTTP client that answers from a script and records each request with its body. */
final class ScriptedArm implements HttpClient {
  record Sent(String method, String url, String body) {}

  record Answer(int status, Map<String, String> headers, String body) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final Queue<Answer> answers = new ArrayDeque<>();

  ScriptedArm answer(int status, String body, String... headers) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    answers.add(new Answer(status, map, body));
    return this;
  }

  @Override
  public synchronized Mono<HttpResponse> send(HttpRequest request) {
    String body = request.getBodyAsBinaryData() == null ? "" : request.getBodyAsBinaryData().toString();
    sent.add(new Sent(request.getHttpMethod().name(), request.getUrl().toString(), body));
    Answer answer = answers.poll();
    if (answer == null) {
      throw new IllegalStateException("no scripted answer for " + request.getHttpMethod() + " " + request.getUrl());
    }
    return Mono.just(new Response(request, answer));
  }

  private static final class Response extends HttpResponse {
    private final Answer answer;
    private final HttpHeaders headers = new HttpHeaders();

    Response(HttpRequest request, Answer answer) {
      super(request);
      this.answer = answer;
      headers.set(HttpHeaderName.CONTENT_TYPE, "application/json");
      answer.headers().forEach((k, v) -> headers.set(HttpHeaderName.fromString(k), v));
    }

    @Override
    public int getStatusCode() {
      return answer.status();
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
      return headers.getValue(HttpHeaderName.fromString(name));
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return Flux.just(ByteBuffer.wrap(answer.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.just(answer.body().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.just(answer.body());
    }

    @Override
    public Mono<String> getBodyAsString(java.nio.charset.Charset charset) {
      return Mono.just(answer.body());
    }
  }
}
