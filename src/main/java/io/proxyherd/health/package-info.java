/**
 * What a node's health checks are called, shared by the node that reports them and the launcher, the command line
 * and the image's healthcheck that read them.
 *
 * <p>May depend on: nothing.
 */
package io.proxyherd.health;
