/**
 * The line protocol clients speak: {@code IAMAT}, {@code WHATSAT} and the {@code AT} line, read into exact types
 * (positions and client times kept as the decimals the client wrote) and answered {@code ?} when they are not valid.
 *
 * <p>May depend on: the JDK only. Everything else reads the protocol through it.
 */
package io.proxyherd.protocol;
