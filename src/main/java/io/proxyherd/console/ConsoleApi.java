package io.proxyherd.console;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The console's read-only JSON API, under /api. */
@ApplicationPath("api")
public class ConsoleApi extends Application {}
