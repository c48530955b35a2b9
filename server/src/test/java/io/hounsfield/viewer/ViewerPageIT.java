package io.hounsfield.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.Dcmtk;
import io.hounsfield.DemoDayExams;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.audit.AuditTime;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The built-in viewer's page: who may open it, what it carries for its script, that opening it is audited as a read
 * of the patient's study, and the links to it on the study page and the exam cockpit. The images themselves:
 * {@link ViewerBrowserIT}.
 */
@HounsfieldIntegrationTest
class ViewerPageIT {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    DicomListener listener;

    @Autowired
    AuditService audit;

    @Autowired
    MockMvc mvc;

    @Autowired
    ExamService exams;

    @Autowired
    Clock clock;

    @TempDir
    Path work;

    private TestStudies.Study stored() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("VIEW-" + System.nanoTime(), "VIEWPAGE^VIOLA", "VACC1",
                "20250502");
        Path folder = work.resolve("study");
        TestStudies.write(folder, study, 2, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
        return study;
    }

    @Test
    void aReaderOfImagesOpensTheViewerAndTheReadIsAudited() throws Exception {
        TestStudies.Study study = stored();
        Instant before = AuditTime.now(jdbc);
        String page = mvc.perform(get("/viewer/studies/" + study.studyUid())
                .with(user("rad").roles("RADIOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("VIEWPAGE^VIOLA").contains(study.patientId()).contains("2025-05-02")
                .contains("data-study=\"" + study.studyUid() + "\"").contains("data-base=\"/dicom-web\"")
                .contains("/js/viewer.js").contains("Soft tissue 40 / 400").contains("Lung")
                .doesNotContain("RADIOLOGIST");
        assertThat(audit.search(new AuditQuery("rad", null, "STUDY_VIEWED", before, null, 0))).singleElement()
                .satisfies(event -> assertThat(event.patientId()).isEqualTo(study.patientId()));

        for (String role : new String[] {"TECHNOLOGIST", "LEAD", "PHYSICIST"}) {
            mvc.perform(get("/viewer/studies/" + study.studyUid() + "/series/1.2.3")
                    .with(user("u" + role).roles(role))).andExpect(status().isOk());
        }
        String withSeries = mvc.perform(get("/viewer/studies/" + study.studyUid()).param("series", "1.2.3.4")
                .with(user("tech").roles("TECHNOLOGIST"))).andReturn().getResponse().getContentAsString();
        assertThat(withSeries).contains("data-series=\"1.2.3.4\"");
    }

    @Test
    void notLoggedInGoesToTheLoginAndOthersAreRefused() throws Exception {
        TestStudies.Study study = stored();
        mvc.perform(get("/viewer/studies/" + study.studyUid()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        for (String role : new String[] {"STUDENT", "ADMIN"}) {
            mvc.perform(get("/viewer/studies/" + study.studyUid()).with(user("u" + role).roles(role)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anUnknownStudyIsNotFoundAndAMalformedUidIsABadRequest() throws Exception {
        mvc.perform(get("/viewer/studies/1.2.3.999").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/viewer/studies/1.2.x").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/viewer/studies/1.2.3").param("series", "<script>")
                .with(user("tech").roles("TECHNOLOGIST"))).andExpect(status().isBadRequest());
    }

    @Test
    void theCockpitLinksToTheViewerOnceImagesOfTheExamArrived() throws Exception {
        Exam exam = null;
        for (Exam candidate : DemoDayExams.withAccession(exams, clock)) {
            String page = cockpit(candidate, "tech", "TECHNOLOGIST");
            if (candidate.studyInstanceUid() != null && page.contains("exam-state") && !page.contains("Open viewer")) {
                exam = candidate;
                break;
            }
        }
        assertThat(exam).as("a demo exam without images").isNotNull();
        TestStudies.Study study = new TestStudies.Study(exam.studyInstanceUid(), "VIEW-C-" + System.nanoTime(),
                "VIEWCOCKPIT^CORA", exam.accessionNumber(), "20250301", "CT");
        Path folder = work.resolve("exam");
        TestStudies.write(folder, study, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();

        assertThat(cockpit(exam, "tech", "TECHNOLOGIST")).contains("Open viewer")
                .contains("href=\"/viewer/studies/" + exam.studyInstanceUid() + "\"");
        assertThat(cockpit(exam, "student", "STUDENT")).doesNotContain("Open viewer");
    }

    private String cockpit(Exam exam, String name, String role) throws Exception {
        return mvc.perform(get("/exams/" + exam.id()).with(user(name).roles(role))).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theStudyPageLinksToTheViewerForThoseWhoMayOpenIt() throws Exception {
        TestStudies.Study study = stored();
        String page = mvc.perform(get("/archive/studies/" + study.studyUid())
                .with(user("tech").roles("TECHNOLOGIST"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/viewer/studies/" + study.studyUid() + "\"").contains("Open viewer")
                .contains("href=\"/viewer/studies/" + study.studyUid() + "/series/");
        String student = mvc.perform(get("/archive/studies/" + study.studyUid())
                .with(user("student").roles("STUDENT"))).andReturn().getResponse().getContentAsString();
        assertThat(student).contains("VIEWPAGE^VIOLA").doesNotContain("Open viewer").doesNotContain("/viewer/");
    }
}
