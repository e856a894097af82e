/**
 * The herd on this machine, outside any node: the embedded broker or a primary and backup pair, one Payara Micro
 * process per node with the command line every start shares ({@code NodeCommand}), the control socket {@code herd up}
 * listens on, the broker accounts and the files a herd is made of. Not part of the WAR.
 *
 * <p>May depend on: {@code topology}, the Artemis broker server. Never on the node's packages: it reaches a node
 * through its ports, its files and the broker ({@code BoundariesTest}).
 */
package io.proxyherd.launcher;
