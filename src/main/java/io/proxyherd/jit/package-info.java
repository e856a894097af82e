/**
 * How a node's JIT compilers work once it serves: the node starts with its optimising compiler (C2) kept to the
 * client listener's and the flood's own code, so that Payara's start stays cheap, and, where
 * {@code herd.jit.serving-directives} is set (off by default: node-jvm.options says why), lets C2 take any method
 * once the application has started.
 *
 * <p>May depend on: Jakarta EE and MicroProfile (the bean that applies it), the JDK's management API.
 */
package io.proxyherd.jit;
