package io.proxyherd.places;

import java.util.Locale;

/** Which Places source a node answers from, as {@code places.provider} names it. */
enum PlacesProvider {
    NEW,
    LEGACY,
    OFFLINE;

    /** {@code auto} picks the Places API (New) when there is a key, else the offline sample. */
    static PlacesProvider of(String configured, boolean hasKey) {
        String name = configured == null ? "auto" : configured.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "auto", "" -> hasKey ? NEW : OFFLINE;
            case "new" -> NEW;
            case "legacy" -> LEGACY;
            case "offline" -> OFFLINE;
            default ->
                throw new IllegalArgumentException(
                        "places.provider must be auto, new, legacy or offline, was " + configured);
        };
    }
}
