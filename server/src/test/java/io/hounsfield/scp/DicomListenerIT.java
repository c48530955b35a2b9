package io.hounsfield.scp;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** dcmtk's echoscu against the running listener: known peers in, strangers out. */
@HounsfieldIntegrationTest
class DicomListenerIT {

    @Autowired
    DicomListener listener;

    @Autowired
    AuditService audit;

    @Test
    void aKnownModalityIsAnswered() throws Exception {
        Result echo = echoscu("CT1", "HOUNSFIELD");
        assertThat(echo.exitCode()).as(echo.output()).isZero();
    }

    @Test
    void anUnknownCallingAeTitleIsRejectedAndAudited() throws Exception {
        Instant before = Instant.now();
        Result echo = echoscu("STRANGER", "HOUNSFIELD");

        assertThat(echo.exitCode()).isNotZero();
        assertThat(echo.output()).containsIgnoringCase("Calling AE Title Not Recognized");
        assertThat(audit.search(new AuditQuery("STRANGER", null, "DICOM_ASSOCIATION_REJECTED", before, null, 0)))
                .singleElement().satisfies(event -> assertThat(event.detail()).contains("not a known peer"));
    }

    @Test
    void aWrongCalledAeTitleIsRejected() throws Exception {
        Result echo = echoscu("CT1", "SOMEONE_ELSE");
        assertThat(echo.exitCode()).isNotZero();
        assertThat(echo.output()).containsIgnoringCase("Called AE Title Not Recognized");
    }

    private record Result(int exitCode, String output) {}

    private Result echoscu(String calling, String called) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("echoscu", "-aet", calling, "-aec", called,
                "127.0.0.1", String.valueOf(listener.port()))).redirectErrorStream(true);
        builder.environment().put("TCP_NODELAY", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
