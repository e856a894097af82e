package io.proxyherd.console;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An API answer: the JSON text, never cached (it is live). */
final class ApiAnswer {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private ApiAnswer() {}

    static Response of(JsonObject json) {
        return Response.ok(json.toString(), MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(NO_STORE)
                .build();
    }
}
