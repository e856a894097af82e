package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
        Set<Role> everyone = new HashSet<>();
        Set<Role> askers = new HashSet<>();
        Set<Role> readers = new HashSet<>();
        for (NodeAddress node : topology.nodes()) {
            String name = node.name();
            Set<Role> queue = new HashSet<>();
            queue.add(role(roleOf(name)).consume());
            topology.neighbours(name).forEach(neighbour -> queue.add(role(roleOf(neighbour)).send()));
            roles.put(Topology.queueOf(name), roleSet(queue));
            roles.put(Topology.catchUpQueueOf(name), roleSet(queue));
            everyone.add(role(roleOf(name)).temporaryQueues());
            askers.add(role(roleOf(name)).manage());
            readers.add(role(roleOf(name)).view());
        }
        everyone.add(role(MONITOR_ROLE).temporaryQueues());
        askers.add(role(MONITOR_ROLE).manage());
        readers.add(role(MONITOR_ROLE).view());
        // Any other herd.* address, the dead letters included: nobody.
        roles.put("herd.#", Set.of());
        roles.put("activemq.management", roleSet(askers));
        // A match may end in # only: a live queue's name is herd.NODE, a catch-up queue's herd.NODE.catch-up.
        for (String count : new String[] {"getConsumerCount", "getMessageCount"}) {
            roles.put(OPERATIONS + "queue.herd.*." + count, roleSet(readers));
            roles.put(OPERATIONS + "queue.herd.*.catch-up." + count, roleSet(readers));
        }
        roles.put("#", roleSet(everyone));
        return roles;
    }

    /** The accounts, each with its role: a node's account is named as the node. */
    static SecurityConfiguration users(BrokerAccounts accounts) {
        SecurityConfiguration users = new SecurityConfiguration();
        for (String user : accounts.users()) {
            users.addUser(user, accounts.password(user));
            users.addRole(user, BrokerAccounts.MONITOR.equals(user) ? MONITOR_ROLE : roleOf(user));
        }
        return users;
    }

    private static Set<Role> roleSet(Set<Role> roles) {
        return Set.copyOf(roles);
    }

    private static Permissions role(String name) {
        return new Permissions(name);
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
