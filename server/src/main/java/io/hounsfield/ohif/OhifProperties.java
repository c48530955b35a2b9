package io.hounsfield.ohif;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code hounsfield.ohif.*} settings.
 *
 * @param dir where {@code bin/install-ohif} put OHIF Viewer; none: {@code <data-dir>/ohif}
 */
@ConfigurationProperties("hounsfield.ohif")
record OhifProperties(Path dir) {}
