package io.proxyherd.console;

import io.proxyherd.flood.LocationRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/clients?q=&limit=}: the clients this node knows (the herd shares them). */
@Path("clients")
@RequestScoped
public class ClientsResource {

    @Inject
    LocationRegistry registry;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response clients(@QueryParam("q") String query, @QueryParam("limit") String limit) {
        return ApiAnswer.of(ClientReport.of(registry, query, limit(limit), System.currentTimeMillis()));
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return ClientReport.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("limit must be a whole number, was '" + text + "'");
        }
    }
}
