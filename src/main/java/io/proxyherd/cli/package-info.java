/**
 * The {@code herd} command line (picocli, JLine): {@code up}, {@code broker}, {@code node}, {@code status},
 * {@code send}, {@code client} and the node lifecycle commands. Not part of the WAR.
 *
 * <p>May depend on: {@code launcher}, {@code broker}, {@code topology}, picocli and JLine. Never on the node's
 * packages.
 */
package io.proxyherd.cli;
