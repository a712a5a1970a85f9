package io.silo.control.webapp.api;

import io.silo.common.silo.ControlSilo;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Serves the web app (CONTROL and MONOLITH): static files only, never data. The app's pages ({@code /},
 * {@code /login/}, {@code /organizations/…}, {@code /account/…}, {@code /admin/…}) all answer the same {@code index.html}, so a deep
 * link reloads to the same page; the browser then reads everything through the public API like any client. Its
 * own files come from the WAR's {@code /app/assets/}, its libraries from WebJars ({@code /webjars/<name>/…}, the
 * version left out: one version of each is packaged). A filter because JAX-RS owns every path of the application
 * ({@code @ApplicationPath("/")}); everything that is not the app's passes on untouched.
 * <p>
 * Every answer carries a Content-Security-Policy that allows only Silo's own origin and no inline script, so
 * nothing an event or a user sent can run even if it reached the page as markup.
 */
@WebFilter(filterName = "WebApp", urlPatterns = "/*")
@ControlSilo
public class WebAppFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final Set<String> PAGE_ROOTS = Set.of("login", "signup", "organizations", "account", "admin");

    private final ConcurrentMap<String, Optional<StaticFile>> files = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> resource = resourceOf(path);
        boolean readOnly = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (resource.isEmpty() || !readOnly) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaticFile> file = files.computeIfAbsent(resource.get(), this::load);
        if (file.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        send(request, response, file.get());
    }

    /** Which packaged file a path means: a page means the app's index; nothing for every other path. */
    static Optional<String> resourceOf(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return Optional.of("/app/index.html");
        }
        if (path.contains("..") || path.contains("//")) {
            return Optional.empty();
        }
        if (path.startsWith("/assets/")) {
            return Optional.of("/app" + path);
        }
        if (path.startsWith("/webjars/")) {
            return Optional.of(path);
        }
        int end = path.indexOf('/', 1);
        String root = end < 0 ? path.substring(1) : path.substring(1, end);
        return PAGE_ROOTS.contains(root) ? Optional.of("/app/index.html") : Optional.empty();
    }

    /** The app's own files from the WAR, a library's from its WebJar on the class path. */
    private Optional<StaticFile> load(String resource) {
        boolean library = resource.startsWith("/webjars/");
        String located = library ? WebJars.locate(getClass().getClassLoader(), resource) : resource;
        if (located == null) {
            return Optional.empty();
        }
        try (InputStream in = library ? getClass().getClassLoader().getResourceAsStream(located)
                : getServletContext().getResourceAsStream(located)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(StaticFile.of(located, in.readAllBytes(), getServletContext().getMimeType(located)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + located, e);
        }
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, StaticFile file)
            throws IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // revalidated on every use: a new Silo version's files are seen at once, an unchanged file costs a 304
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", file.etag());
        if (file.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.contentType());
        response.setContentLength(file.bytes().length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(file.bytes());
        }
    }
}
