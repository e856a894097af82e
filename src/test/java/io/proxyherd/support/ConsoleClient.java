package io.proxyherd.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a node's console API over HTTP, as a browser or a script would. */
public final class ConsoleClient {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String authorization;

    /** A client that sends {@code authorization} (null: none) with every request. */
    public ConsoleClient(String authorization) {
        this.authorization = authorization;
    }

    public HttpResponse<String> send(String method, URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send("GET", uri);
    }

    /** GETs a JSON object, failing unless the answer is 200 with a JSON body. */
    public JsonObject json(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = get(uri);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
