package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.audit.AuditTime;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The study list searches like C-FIND; the study page lists the series; both are audited. */
@HounsfieldIntegrationTest
class StudyPagesIT {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    DicomListener listener;

    @Autowired
    AuditService audit;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path work;

    @Test
    void searchTheListThenOpenAStudy() throws Exception {
        Instant before = AuditTime.now(jdbc);
        TestStudies.Study study = TestStudies.Study.of("WEB-" + System.nanoTime(), "PAGEVIEW^PETRA", "WACC1",
                "20240610");
        TestStudies.Study elsewhere = TestStudies.Study.of("WEB-OTHER", "PAGEVIEW^PAUL", "WACC2", "20230101");
        Path folder = work.resolve("studies");
        TestStudies.write(folder, study, 2, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        TestStudies.write(folder, elsewhere, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();

        String list = mvc.perform(get("/archive/studies").param("patientName", "pageview")
                .param("from", "2024-06-01").param("to", "2024-06-30").with(user("radiologist").roles("RADIOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("PAGEVIEW^PETRA").contains("/archive/studies/" + study.studyUid())
                .doesNotContain("PAGEVIEW^PAUL");

        String page = mvc.perform(get("/archive/studies/" + study.studyUid()).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("PAGEVIEW^PETRA").contains("WACC1").contains(study.studyUid());
        assertThat(page.split("class=\"series\"", -1)).hasSize(3);
        assertThat(audit.search(new AuditQuery("tech", null, "STUDY_VIEWED", before, null, 0))).singleElement()
                .satisfies(event -> assertThat(event.patientId()).isEqualTo(study.patientId()));

        mvc.perform(get("/archive/studies/1.2.3.999").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/archive/studies").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
    }
}
