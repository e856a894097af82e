package io.proxyherd.herd;

import io.proxyherd.flood.Lane;
import io.proxyherd.flood.Update;
import java.util.List;

/** One log record for a whole batch, a line per update: the log keeps every update at a record's cost. */
final class FloodLog {

    private FloodLog() {}

    /** {@code what} happened to the updates on {@code lane}: "flood sent to [Hands] (catch-up): 2 updates", a line each. */
    static String lines(String what, Lane lane, List<Update> updates) {
        StringBuilder text = new StringBuilder(32 + updates.size() * 96)
                .append("flood ")
                .append(what)
                .append(lane == Lane.CATCH_UP ? " (catch-up)" : "")
                .append(": ")
                .append(updates.size())
                .append(updates.size() == 1 ? " update" : " updates");
        for (Update update : updates) {
            text.append("\n  ").append(update.line().text());
        }
        return text.toString();
    }
}
