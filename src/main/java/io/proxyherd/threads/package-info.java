/**
 * Fixed pools of threads made by the container's managed thread factory, shut down with the application.
 *
 * <p>May depend on: the JDK only (the factory is handed in).
 */
package io.proxyherd.threads;
