package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.quarantine.RejectedPurge;
import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.DataDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12 point 4: a quarantine reject is no longer a one-click delete. It needs a confirmation page that shows the
 * images' patient beside the exam's patient and warns on a sex or birth-date mismatch; once confirmed it is restorable
 * for the grace period, and only the purge after the grace period (driven by a controlled clock) deletes it.
 */
@HounsfieldIntegrationTest
class QuarantineConfirmationIT {

    private static final Actor ADT = new Actor("ADT", "HL7", null);
    private static final Duration GRACE = Duration.ofDays(7);

    @Autowired DicomListener listener;
    @Autowired ExamService exams;
    @Autowired PatientService patients;
    @Autowired ArchiveService archive;
    @Autowired AuditService audit;
    @Autowired ArchiveIndex index;
    @Autowired InstanceStore store;
    @Autowired DataDirectory data;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;

    @TempDir
    Path work;

    @Test
    void aRejectWithoutConfirmationDeletesNothingAndTheConfirmationPageShowsBothSidesAndTheSexMismatch()
            throws Exception {
        Mixup mixup = aFemaleStudyQuarantinedUnderAMaleExam();

        mvc.perform(post(reject(mixup)).with(csrf()).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(reject(mixup) + "?accessionNumber="));
        assertThat(archive.instanceCount(mixup.study().studyUid())).isEqualTo(2);
        assertThat(quarantined()).contains(mixup.study().studyUid());
        assertThat(rejected()).doesNotContain(mixup.study().studyUid());

        String page = mvc.perform(get(reject(mixup)).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Reject these images?")
                .contains("DUPONT, MARIE").contains("female").contains("1970-01-01").contains(mixup.study().patientId())
                .contains("Moreau, Louis").contains("male").contains("1961-04-02")
                .contains(mixup.patient().identifier().value()).contains("CT head without contrast")
                .contains(mixup.exam().accessionNumber())
                .contains("The sex does not match: female (patient in the images) and male (patient of the exam)")
                .contains("The birth date does not match")
                .contains("name=\"confirmed\" value=\"true\"");
        assertThat(audit.search(new AuditQuery("tech", null, "QUARANTINE_REVIEWED", null, null, 0)))
                .anySatisfy(event -> assertThat(event.objectId()).isEqualTo(mixup.study().studyUid()));
    }

    @Test
    void filingUnderAnExamOfTheOtherSexNeedsTheAcknowledgement() throws Exception {
        Mixup mixup = aFemaleStudyQuarantinedUnderAMaleExam();
        String assign = "/archive/quarantine/" + mixup.study().studyUid() + "/assign";

        mvc.perform(post(assign).with(csrf()).param("confirmed", "true").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("error", Matchers.containsString("Tick the box")));
        assertThat(quarantined()).contains(mixup.study().studyUid());

        String page = mvc.perform(get(assign).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The sex does not match").contains("name=\"acknowledged\"");

        mvc.perform(post(assign).with(csrf()).param("confirmed", "true").param("acknowledged", "true")
                        .with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(flash().attribute("message", "2 images filed under the exam."));
        assertThat(quarantined()).doesNotContain(mixup.study().studyUid());
    }

    @Test
    void aConfirmedRejectIsListedAndCanBeRestoredWithinTheGracePeriod() throws Exception {
        Mixup mixup = aFemaleStudyQuarantinedUnderAMaleExam();
        List<Path> files = storedFiles(mixup);

        mvc.perform(post(reject(mixup)).with(csrf()).param("confirmed", "true").with(user("student").roles("STUDENT")))
                .andExpect(status().isForbidden());
        mvc.perform(post(reject(mixup)).with(csrf()).param("confirmed", "true").with(user("lead").roles("LEAD")))
                .andExpect(flash().attribute("message", Matchers.startsWith("2 images rejected. They can be restored until ")));

        assertThat(quarantined()).doesNotContain(mixup.study().studyUid());
        assertThat(rejected()).contains(mixup.study().studyUid());
        assertThat(files).allSatisfy(file -> assertThat(file).isRegularFile());
        String page = mvc.perform(get("/archive/quarantine").with(user("tech").roles("TECHNOLOGIST")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Rejected, can be restored until");

        mvc.perform(post("/archive/quarantine/" + mixup.study().studyUid() + "/restore").with(csrf())
                        .with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(flash().attribute("message", "2 images are back in quarantine."));
        assertThat(quarantined()).contains(mixup.study().studyUid());
        assertThat(rejected()).doesNotContain(mixup.study().studyUid());
        assertThat(audit.search(new AuditQuery("lead", null, "QUARANTINE_REJECTED", null, null, 0)))
                .anySatisfy(event -> assertThat(event.objectId()).isEqualTo(mixup.study().studyUid()));
        assertThat(audit.search(new AuditQuery("tech", null, "QUARANTINE_RESTORED", null, null, 0)))
                .anySatisfy(event -> assertThat(event.objectId()).isEqualTo(mixup.study().studyUid()));
    }

    @Test
    void thePurgeDeletesARejectOnlyOnceItsGracePeriodIsOver() throws Exception {
        Mixup mixup = aFemaleStudyQuarantinedUnderAMaleExam();
        List<Path> files = storedFiles(mixup);
        mvc.perform(post(reject(mixup)).with(csrf()).param("confirmed", "true").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isFound());
        var rejectedAt = clock.instant();

        purgeAt(Clock.fixed(rejectedAt.plus(GRACE).minus(Duration.ofMinutes(5)), clock.getZone()));
        assertThat(archive.instanceCount(mixup.study().studyUid())).isEqualTo(2);
        assertThat(rejected()).contains(mixup.study().studyUid());
        assertThat(files).allSatisfy(file -> assertThat(file).isRegularFile());

        purgeAt(Clock.fixed(rejectedAt.plus(GRACE).plus(Duration.ofMinutes(5)), clock.getZone()));
        assertThat(archive.instanceCount(mixup.study().studyUid())).isZero();
        assertThat(rejected()).doesNotContain(mixup.study().studyUid());
        assertThat(files).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(audit.search(new AuditQuery("hounsfield", null, "QUARANTINE_PURGED", null, null, 0)))
                .anySatisfy(event -> assertThat(event.objectId()).isEqualTo(mixup.study().studyUid()));
        mvc.perform(post("/archive/quarantine/" + mixup.study().studyUid() + "/restore").with(csrf())
                        .with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(flash().attribute("error", Matchers.notNullValue()));
    }

    private record Mixup(Patient patient, Exam exam, TestStudies.Study study) {}

    /** A male patient's exam, and images of a woman born in 1970 (TestStudies) sent under its accession number. */
    private Mixup aFemaleStudyQuarantinedUnderAMaleExam() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Patient patient = patients.register(new PatientIdentifier("HOSP", "QC-" + suffix),
                Demographics.named("Moreau", "Louis", LocalDate.of(1961, 4, 2), Sex.M), ADT);
        Exam exam = exams.schedule(new NewExam(null, patient.id(), "CTHEAD", null, Priority.ROUTINE, "CT1",
                clock.instant(), null, null), ADT);
        TestStudies.Study study = TestStudies.Study.of("W-" + suffix, "DUPONT^MARIE", exam.accessionNumber(),
                "20261201");
        storescu(TestStudies.write(work.resolve(suffix), study, 1, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertThat(quarantined()).as("quarantined on arrival").contains(study.studyUid());
        return new Mixup(patient, exam, study);
    }

    private void purgeAt(Clock at) {
        new RejectedPurge(jdbc, index, store, audit, transactions, at, GRACE).purgeExpired();
    }

    private List<Path> storedFiles(Mixup mixup) {
        List<Path> files = index.instancesOfStudy(mixup.study().studyUid()).stream()
                .map(instance -> data.store().resolve(instance.filePath())).toList();
        assertThat(files).hasSize(2);
        return files;
    }

    private static String reject(Mixup mixup) {
        return "/archive/quarantine/" + mixup.study().studyUid() + "/reject";
    }

    private List<String> quarantined() {
        return archive.quarantine().stream().map(QuarantinedStudy::studyInstanceUid).toList();
    }

    private List<String> rejected() {
        return archive.rejectedQuarantine().stream().map(RejectedStudy::studyInstanceUid).toList();
    }

    private void storescu(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port())));
        files.forEach(file -> command.add(file.toString()));
        Dcmtk.Run run = Dcmtk.run(work, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
