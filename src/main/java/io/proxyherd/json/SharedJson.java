package io.proxyherd.json;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Every static {@code jakarta.json.Json} method looks it up again
 * through a ServiceLoader scan of the application's class path; in Payara that scan was over half of a
 * node's CPU samples while it answered WHATSATs (JFR), since each printed key cost one. The console's
 * reports build hundreds of objects a poll, so they use it too.
 */
public final class SharedJson {

    public static final JsonProvider JSON = JsonProvider.provider();

    private SharedJson() {}
}
