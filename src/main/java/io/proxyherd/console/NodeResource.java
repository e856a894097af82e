package io.proxyherd.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/node}: this node. */
@Path("node")
@RequestScoped
public class NodeResource {

    @Inject
    NodeReports reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response node() {
        return ApiAnswer.of(reports.current());
    }
}
