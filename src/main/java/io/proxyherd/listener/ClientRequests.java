package io.proxyherd.listener;

import io.proxyherd.activity.Count;
import io.proxyherd.activity.NodeActivity;
import io.proxyherd.activity.Timing;
import io.proxyherd.flood.LocationRegistry;
import io.proxyherd.herd.Flooding;
import io.proxyherd.places.NearbySearch;
import io.proxyherd.places.PlacesQuery;
import io.proxyherd.protocol.AtLine;
import io.proxyherd.protocol.IAmAt;
import io.proxyherd.protocol.Invalid;
import io.proxyherd.protocol.Request;
import io.proxyherd.protocol.WhatsAt;
import io.proxyherd.protocol.WhatsAtReply;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Answers a client's line: parses it, asks the herd or Places, and formats the reply. One per node (ListenerConfiguration). */
public final class ClientRequests implements LineHandler {

    private final Flooding flooding;
    private final LocationRegistry registry;
    private final NearbySearch places;
    private final NodeActivity activity;

    public ClientRequests(Flooding flooding, LocationRegistry registry, NearbySearch places, NodeActivity activity) {
        this.flooding = flooding;
        this.registry = registry;
        this.places = places;
        this.activity = activity;
    }

    @Override
    public CompletionStage<String> answer(String line) {
        Request request = Request.parse(line);
        if (request instanceof IAmAt iamat) {
            activity.count(Count.IAMAT);
            return CompletableFuture.completedFuture(flooding.report(iamat).reply());
        }
        if (request instanceof WhatsAt whatsat) {
            activity.count(Count.WHATSAT);
            Optional<AtLine> known = registry.latest(whatsat.clientId());
            if (known.isEmpty()) {
                return CompletableFuture.completedFuture(new Invalid(line).reply());
            }
            AtLine at = known.get();
            // The answer's JSON is printed here, once, as the reply writes it.
            return places.search(PlacesQuery.around(at.position(), whatsat.radiusMetres(), whatsat.maxResults()))
                    .thenApply(answer -> WhatsAtReply.format(at, answer.text()));
        }
        activity.count(Count.INVALID);
        return CompletableFuture.completedFuture(((Invalid) request).reply());
    }

    /** Times IAMAT replies: only a well-formed IAMAT is answered with a line starting "AT ". */
    @Override
    public void written(String line, String reply, long nanos) {
        if (reply.startsWith("AT ") && line.stripLeading().startsWith(IAmAt.COMMAND)) {
            activity.time(Timing.IAMAT_REPLY, nanos);
        }
    }
}
