/**
 * One JSON-P provider for the whole node, looked up once.
 *
 * <p>May depend on: Jakarta JSON-P.
 */
package io.proxyherd.json;
