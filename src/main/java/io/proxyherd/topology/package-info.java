/**
 * The herd as {@code server-config/herd.properties} describes it: its nodes, their addresses, the links flooding
 * follows, the brokers, and each node's queue names.
 *
 * <p>May depend on: the JDK only. The node, the launcher and the command line all read the herd through it.
 */
package io.proxyherd.topology;
