package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;

/**
 * Who may do what on the local broker, from the herd's links: a node may send to its neighbours' live and catch-up
 * queues and read its own, and nothing else of {@code herd.*}; it and the monitor may ask the broker for queue
 * counts (management messages checked operation by operation: reading, never changing) and make the temporary
 * queues those answers come back on.
 */
final class BrokerSecurity {

    static final String MONITOR_ROLE = "monitor";
    /** Where management operations are checked when management-message-rbac is on: mops.queue.NAME.OPERATION. */
    private static final String OPERATIONS = "mops.";

    private BrokerSecurity() {}

    static String roleOf(String node) {
        return "node-" + node;
    }

    /** The security settings: address match to the roles and what each may do there. */
    static Map<String, Set<Role>> roles(Topology topology) {
        Map<String, Set<Role>> roles = new HashMap<>();
        List<Permissions> accounts = new ArrayList<>();
        for (NodeAddress node : topology.nodes()) {
            String name = node.name();
            Set<Role> queue = new HashSet<>();
            queue.add(new Permissions(roleOf(name)).consume());
            topology.neighbours(name).forEach(neighbour -> queue.add(new Permissions(roleOf(neighbour)).send()));
            roles.put(Topology.queueOf(name), Set.copyOf(queue));
            roles.put(Topology.catchUpQueueOf(name), Set.copyOf(queue));
            accounts.add(new Permissions(roleOf(name)));
        }
        accounts.add(new Permissions(MONITOR_ROLE));
        // Any other herd.* address, the dead letters included: nobody.
        roles.put("herd.#", Set.of());
        roles.put("activemq.management", each(accounts, Permissions::manage));
        // A match may end in # only: a live queue's name is herd.NODE, a catch-up queue's herd.NODE.catch-up.
        for (String count : new String[] {"getConsumerCount", "getMessageCount"}) {
            roles.put(OPERATIONS + "queue.herd.*." + count, each(accounts, Permissions::view));
            roles.put(OPERATIONS + "queue.herd.*.catch-up." + count, each(accounts, Permissions::view));
        }
        roles.put("#", each(accounts, Permissions::temporaryQueues));
        return roles;
    }

    /** The same permission for every account's role. */
    private static Set<Role> each(List<Permissions> accounts, Function<Permissions, Role> permission) {
        return accounts.stream().map(permission).collect(Collectors.toUnmodifiableSet());
    }

    /** The accounts, each with its role: a node's account is named as the node. */
    static SecurityConfiguration users(BrokerAccounts accounts) {
        SecurityConfiguration users = new SecurityConfiguration();
        for (String user : accounts.users()) {
            if (BrokerAccounts.CLUSTER.equals(user)) {
                continue; // the brokers check the cluster secret themselves; no one logs in with it
            }
            users.addUser(user, accounts.password(user));
            users.addRole(user, BrokerAccounts.MONITOR.equals(user) ? MONITOR_ROLE : roleOf(user));
        }
        return users;
    }

    /** One role's permissions on one address match, each method a different kind. */
    private record Permissions(String name) {

        Role send() {
            return new Role(name, true, false, false, false, false, false, false, false, false, false, false, false);
        }

        Role consume() {
            return new Role(name, false, true, false, false, false, false, false, false, false, false, false, false);
        }

        /** Management questions are messages to activemq.management, which needs manage (and send) permission. */
        Role manage() {
            return new Role(name, true, false, false, false, false, false, true, false, false, false, false, false);
        }

        /** Reading an attribute through management; changing one needs edit, which nobody has. */
        Role view() {
            return new Role(name, false, false, false, false, false, false, false, false, false, false, true, false);
        }

        /** A management answer comes back on a temporary queue the asker makes, reads and deletes. */
        Role temporaryQueues() {
            return new Role(name, true, true, false, false, true, true, false, false, true, true, false, false);
        }
    }
}
