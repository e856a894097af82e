package io.proxyherd.console;

import io.proxyherd.broker.BrokerView;
import io.proxyherd.herd.BrokerWatch;
import io.proxyherd.topology.LocalNode;
import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/herd}: every node, asked in parallel, and the broker's view of their queues. */
@Path("herd")
@RequestScoped
public class HerdResource {

    @Inject
    Topology topology;

    @Inject
    LocalNode node;

    @Inject
    Peers peers;

    @Inject
    BrokerWatch broker;

    @Inject
    NodeReports reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response herd() {
        long askedAt = System.currentTimeMillis();
        List<NodeAddress> others = topology.nodes().stream()
                .filter(address -> !address.name().equals(node.name()))
                .toList();
        Peers.Asked asked = peers.ask(others);
        BrokerView queues = broker.view();
        Map<String, PeerAnswer> answers = new LinkedHashMap<>(peers.answers(asked));
        answers.put(node.name(), PeerAnswer.of(reports.current()));
        return ApiAnswer.of(HerdReport.of(topology, node.name(), askedAt, queues, answers));
    }
}
