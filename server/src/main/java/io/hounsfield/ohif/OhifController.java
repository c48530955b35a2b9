package io.hounsfield.ohif;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * Serves the installed OHIF Viewer at {@code /ohif}, behind the web login, to those who may read DICOMweb. OHIF is a
 * single-page application: a path under {@code /ohif/} that is not one of its files (a route such as
 * {@code /ohif/viewer?StudyInstanceUIDs=...}) answers its {@code index.html}, except a missing file name with an
 * extension (a script, an image), which is a plain 404. Its configuration is Hounsfield's own
 * ({@link OhifConfigScript}). While OHIF is not installed, every path answers a page that says how to install it.
 */
@Controller
@PreAuthorize("@ohifAccess.may(authentication)")
class OhifController {

    static final String BASE = "/ohif";

    /**
     * OHIF runs inline scripts, compiles WebAssembly, styles elements inline and starts workers from blobs; it loads
     * nothing from elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:; worker-src 'self' blob:; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' data: blob:; media-src 'self' data: blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Webpack's content-hashed file names ({@code app.bundle.0f6159c501addfe9.js}) never change content. */
    private static final Pattern HASHED_NAME = Pattern.compile(".*\\.[0-9a-f]{16,}\\.[a-z0-9]+$");
    private static final Pattern FILE_NAME = Pattern.compile("[^/]*\\.[A-Za-z0-9]{1,8}$");
    private static final Map<String, MediaType> SCRIPT_TYPES = Map.of(
            "js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "mjs", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "wasm", MediaType.parseMediaType("application/wasm"),
            "json", MediaType.APPLICATION_JSON);

    private final OhifInstallation installation;

    OhifController(OhifInstallation installation) {
        this.installation = installation;
    }

    @GetMapping({BASE, BASE + "/", BASE + "/**"})
    ResponseEntity<?> serve(HttpServletRequest request) throws IOException {
        String path = relativePath(request);
        if (path.equals("app-config.js")) {
            return ResponseEntity.ok().headers(headers(CacheControl.noStore()))
                    .contentType(SCRIPT_TYPES.get("js"))
                    .body(OhifConfigScript.forContextPath(request.getContextPath()));
        }
        if (!installation.installed()) {
            return ResponseEntity.ok().headers(headers(CacheControl.noStore()))
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(notInstalledPage(request.getContextPath()));
        }
        Optional<Path> file = installation.file(path);
        if (file.isPresent() && !file.get().getFileName().toString().equals("index.html")) {
            return fileResponse(file.get());
        }
        if (FILE_NAME.matcher(path).matches() && !path.equals("index.html")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers(CacheControl.noStore()))
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body("OHIF Viewer " + installation.version().orElse("") + " has no file " + path + ".\n");
        }
        // index.html goes through Spring Security's no-store default: a new installation is seen at the next load.
        return ResponseEntity.ok().headers(headers(null)).contentType(new MediaType(MediaType.TEXT_HTML,
                StandardCharsets.UTF_8)).body(new FileSystemResource(installation.root().resolve("index.html")));
    }

    private static String relativePath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = path.length() <= BASE.length() + 1 ? "" : path.substring(BASE.length() + 1);
        return UriUtils.decode(path, StandardCharsets.UTF_8);
    }

    private ResponseEntity<Resource> fileResponse(Path file) throws IOException {
        String name = file.getFileName().toString();
        CacheControl cache = HASHED_NAME.matcher(name).matches()
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable()
                : CacheControl.noCache().cachePrivate();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        MediaType type = Optional.ofNullable(SCRIPT_TYPES.get(extension))
                .or(() -> MediaTypeFactory.getMediaType(name))
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().headers(headers(cache)).contentType(type)
                .lastModified(Files.getLastModifiedTime(file).toInstant())
                .body(new FileSystemResource(file));
    }

    private static HttpHeaders headers(CacheControl cache) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (cache != null) {
            headers.setCacheControl(cache);
        }
        return headers;
    }

    private String notInstalledPage(String contextPath) {
        String dir = HtmlUtils.htmlEscape(installation.root().toString());
        String home = HtmlUtils.htmlEscape(contextPath + "/");
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"><title>Hounsfield — OHIF Viewer not installed</title>
                <link rel="stylesheet" href="%3$scss/hounsfield.css"></head>
                <body><main>
                <h1>OHIF Viewer is not installed</h1>
                <p>The diagnostic viewer OHIF is not part of Hounsfield's download. To install it, run on the
                server, from the Hounsfield folder:</p>
                <pre><code>%1$s --dir %2$s</code></pre>
                <p>It needs npm and a connection to the npm registry. Hounsfield serves it here as soon as it is
                installed; no restart is needed.</p>
                <p><a href="%3$s">Back to Hounsfield</a></p>
                </main></body></html>
                """.formatted(OhifInstallation.INSTALL_COMMAND, dir, home);
    }
}
