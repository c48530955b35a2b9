package io.hounsfield.scp;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.audit.AuditTime;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** dcmtk's echoscu against the running listener: known peers in, strangers out. */
@HounsfieldIntegrationTest
class DicomListenerIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DicomListener listener;

    @Autowired
    AuditService audit;

    @TempDir
    Path work;

    @Test
    void aKnownModalityIsAnswered() throws Exception {
        Dcmtk.Run echo = echoscu("CT1", "HOUNSFIELD");
        assertThat(echo.exitCode()).as(echo.output()).isZero();
    }

    @Test
    void anUnknownCallingAeTitleIsRejectedAndAudited() throws Exception {
        Instant before = AuditTime.now(jdbc);
        Dcmtk.Run echo = echoscu("STRANGER", "HOUNSFIELD");

        assertThat(echo.exitCode()).isNotZero();
        assertThat(echo.output()).containsIgnoringCase("Calling AE Title Not Recognized");
        assertThat(audit.search(new AuditQuery("STRANGER", null, "DICOM_ASSOCIATION_REJECTED", before, null, 0)))
                .singleElement().satisfies(event -> assertThat(event.detail()).contains("not a known peer"));
    }

    @Test
    void aWrongCalledAeTitleIsRejected() throws Exception {
        Dcmtk.Run echo = echoscu("CT1", "SOMEONE_ELSE");
        assertThat(echo.exitCode()).isNotZero();
        assertThat(echo.output()).containsIgnoringCase("Called AE Title Not Recognized");
    }

    private Dcmtk.Run echoscu(String calling, String called) throws Exception {
        return Dcmtk.run(work, "echoscu", "-aet", calling, "-aec", called, "127.0.0.1",
                String.valueOf(listener.port()));
    }
}
