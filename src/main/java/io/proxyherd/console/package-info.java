/**
 * The admin console and its JSON API: JAX-RS resources that report this node and, through its peers, the whole
 * herd; the login filter; the static console itself lives in the WAR's web resources.
 *
 * <p>May depend on: {@code activity}, {@code broker}, {@code flood}, {@code herd}, {@code listener}, {@code threads},
 * {@code topology}, Jakarta EE and MicroProfile.
 */
package io.proxyherd.console;
