package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * duplicates=KEEP: a resend with the same content is a plain success; one with other content keeps the stored copy,
 * answers the warning 0xB006 and is listed on the lead's resends page.
 */
@HounsfieldIntegrationTest
class DifferingResendIT {
    @Autowired
    DicomListener listener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path work;

    @Test
    void aResendWithOtherContentIsKeptAnsweredWithAWarningAndListed() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("RESEND-" + System.nanoTime(), "RESENT^RITA", "RS1", "20250304");
        Attributes original = TestStudies.image(study, TestStudies.newUid(), 1, 1);
        String uid = original.getString(Tags.SOPInstanceUID);
        Path first = work.resolve("first.dcm");
        Part10.write(first, original, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run stored = storescu(first);
        assertThat(stored.output()).doesNotContain("W: ", "E: ");

        Dcmtk.Run same = storescu(first);
        assertThat(same.output()).as("an identical resend").doesNotContain("W: ", "E: ");
        assertThat(rows(uid)).isZero();

        original.setString(Tags.StudyDescription, VR.LO, "CT HEAD CORRECTED");
        Path second = work.resolve("second.dcm");
        Part10.write(second, original, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run differing = storescu(second);

        assertThat(differing.output()).as("B006").contains("Warning: ElementsDiscarded");
        assertThat(rows(uid)).isEqualTo(1);
        String page = mvc.perform(get("/archive/resends").with(user("lead").roles("LEAD")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(uid).contains(study.studyUid()).contains("CT1").contains("kept the copy");
        mvc.perform(get("/archive/resends").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isForbidden());
    }

    private long rows(String sopInstanceUid) {
        return jdbc.sql("SELECT count(*) FROM archive_differing_resend WHERE sop_instance_uid = ?")
                .param(sopInstanceUid).query(Long.class).single();
    }

    private Dcmtk.Run storescu(Path file) throws Exception {
        Dcmtk.Run run = Dcmtk.run(work, "storescu", "-v", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port()), file.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.exists(file)).isTrue();
        return run;
    }
}
