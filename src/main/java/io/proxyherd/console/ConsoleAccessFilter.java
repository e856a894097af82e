package io.proxyherd.console;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Guards the console and its API: the login or loopback rule of {@link ConsoleAccess}, and reading only. */
@WebFilter(urlPatterns = {"/api/*", "/console/*"})
public class ConsoleAccessFilter extends HttpFilter {

    @Inject
    ConsoleLogin login;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        switch (login.access().decide(request.getRemoteAddr(), request.getHeader("Authorization"))) {
            case CHALLENGE -> {
                response.setHeader("WWW-Authenticate", ConsoleAccess.REALM);
                text(response, HttpServletResponse.SC_UNAUTHORIZED, "Log in to see the Proxy Herd console.\n");
            }
            case FORBID -> text(response, HttpServletResponse.SC_FORBIDDEN, ConsoleAccess.LOOPBACK_ONLY);
            case ALLOW -> {
                if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
                    chain.doFilter(request, response);
                } else {
                    response.setHeader("Allow", "GET, HEAD");
                    text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "The console is read-only.\n");
                }
            }
        }
    }

    private static void text(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
