package io.hounsfield.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.cors.CorsConfiguration;

/**
 * {@code hounsfield.dicomweb.cors-origins}: the web origins ({@code https://viewer.example.org}, comma-separated)
 * whose pages may call {@code /dicom-web} from the browser with the user's credentials, such as a viewer served by
 * another host. None by default: then no CORS header is sent and browsers keep other sites' pages out.
 */
@ConfigurationProperties("hounsfield.dicomweb")
record DicomWebCorsProperties(@DefaultValue List<String> corsOrigins) {

    DicomWebCorsProperties {
        corsOrigins = corsOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty())
                .map(DicomWebCorsProperties::checkedOrigin).toList();
    }

    boolean enabled() {
        return !corsOrigins.isEmpty();
    }

    /** Only these origins, with credentials (cookies, HTTP Basic); what DICOMweb clients send and read. */
    CorsConfiguration configuration() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(corsOrigins);
        configuration.setAllowCredentials(true);
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("*"));
        configuration.setExposedHeaders(List.of("Content-Type", "Content-Length", "Content-Location", "Location",
                "Warning", "Link", "X-Total-Count"));
        configuration.setMaxAge(1800L);
        return configuration;
    }

    private static String checkedOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean onlyOrigin = uri != null && uri.getHost() != null && (uri.getRawPath() == null
                || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || !onlyOrigin) {
            throw new IllegalArgumentException("hounsfield.dicomweb.cors-origins: '" + origin
                    + "' is not a web origin; write scheme, host and port only, such as https://viewer.example.org");
        }
        return origin;
    }
}
