package io.hounsfield.dose;

import io.hounsfield.archive.ArchiveEventSubscriber;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.InstanceStored;
import io.hounsfield.archive.StoredFile;
import io.hounsfield.archive.StudyQuiesced;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomParseException;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the dose of each stored instance that may carry one: dose reports (X-Ray Radiation Dose SR and SR carriers
 * of one), and the headers of CT, CR, DX, mammography, XA and RF images, up to their pixel data. The file comes from
 * {@link ArchiveService#fileForProcessing} (automatic processing, not a person's read, so not audited); the SOP class
 * the index gives decides before anything is read. An archive event subscriber: it runs after
 * the ingest committed, so nothing here can fail a store. A report that cannot be read whole is kept with what was
 * readable and its problems; an event delivered again replaces what the first delivery stored. Only an unreadable
 * store (a passing fault) makes the dispatcher try again. Quarantined instances are left out: they may belong to
 * another patient. {@link StudyDoseRecorder} then sums up the study and raises what it exceeds: after each report,
 * and once the study is quiet for image headers.
 */
@Component
class DoseSubscriber implements ArchiveEventSubscriber {
    private static final System.Logger LOG = System.getLogger(DoseSubscriber.class.getName());
    private static final Set<String> WANTED = wanted();

    private final ArchiveService archive;
    private final ExamService exams;
    private final DoseRecords records;
    private final StudyDoseRecorder recorder;
    private final Clock clock;

    DoseSubscriber(ArchiveService archive, ExamService exams, DoseRecords records, StudyDoseRecorder recorder,
            Clock clock) {
        this.archive = archive;
        this.exams = exams;
        this.records = records;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** The position's name: kept as it is, or the subscriber starts again from the first event. */
    @Override
    public String name() {
        return "dose";
    }

    @Override
    public void onInstanceStored(InstanceStored stored) {
        if (stored.quarantined()) {
            return;
        }
        header(stored.sopInstanceUid()).ifPresent(dataset -> read(stored, dataset));
    }

    /**
     * A study whose images carry dose is summed up once it is quiet: doing it per image would read the whole study's
     * dose again for every slice of a CT.
     */
    @Override
    public void onStudyQuiesced(StudyQuiesced quiesced) {
        records.firstImageOf(quiesced.studyInstanceUid()).flatMap(this::header).ifPresent(dataset -> {
            InstanceStored first = new InstanceStored(quiesced.studyInstanceUid(),
                    dataset.getString(Tags.SeriesInstanceUID), dataset.getString(Tags.SOPInstanceUID),
                    quiesced.accessionNumber(), null, false);
            recorder.studyRead(origin(first, dataset, dataset.getString(Tags.SOPClassUID)), dataset, null);
        });
    }

    /** The instance's dataset up to its pixel data, if it is one that may carry dose and can be read. */
    private Optional<Attributes> header(String sopInstanceUid) {
        Optional<StoredFile> file = archive.fileForProcessing(sopInstanceUid)
                .filter(found -> WANTED.contains(found.sopClassUid()));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = file.get().open()) {
            return Optional.of(Part10.open(in, ReadOptions.DEFAULT.withStopAtPixelData(true)).reader().readDataset());
        } catch (NoSuchFileException | DicomParseException gone) {
            // Deleted since, or not readable now though the ingest read it: nothing to learn, and trying again cannot help.
            LOG.log(System.Logger.Level.WARNING, "Dose not read from " + sopInstanceUid + ": " + gone.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("The stored instance " + sopInstanceUid + " could not be read", e);
        }
    }

    private void read(InstanceStored stored, Attributes dataset) {
        String sopClassUid = dataset.getString(Tags.SOPClassUID);
        DoseRecords.Origin origin = origin(stored, dataset, sopClassUid);
        if (!RdsrReader.mayHoldReport(sopClassUid)) {
            readHeader(stored, dataset, origin);
        } else if (readReport(stored, dataset, origin)) {
            recorder.studyRead(origin, dataset, stored.sourceAeTitle());
        }
    }

    private void readHeader(InstanceStored stored, Attributes dataset, DoseRecords.Origin origin) {
        HeaderDose header;
        try {
            header = HeaderDose.read(dataset);
        } catch (RuntimeException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "Dose not read from the header of " + stored.sopInstanceUid() + ": "
                    + unreadable);
            return;
        }
        if (header == null) {
            return;
        }
        records.saveImage(origin, header, clock.instant());
    }

    private boolean readReport(InstanceStored stored, Attributes dataset, DoseRecords.Origin origin) {
        Optional<ReadDose> dose;
        try {
            dose = RdsrReader.read(dataset);
        } catch (RuntimeException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "Dose report " + stored.sopInstanceUid() + " could not be read: "
                    + unreadable);
            dose = Optional.of(new ReadDose(null, List.of(), null, null, null, null,
                    List.of("The report could not be read: its content is not as the standard describes.")));
        }
        dose.ifPresent(read -> records.saveReport(origin, read, clock.instant()));
        return dose.isPresent();
    }

    private DoseRecords.Origin origin(InstanceStored stored, Attributes dataset, String sopClassUid) {
        String accession = stored.accessionNumber() == null || stored.accessionNumber().isBlank() ? null
                : stored.accessionNumber().strip();
        Optional<Exam> exam = accession == null ? Optional.empty() : exams.findByAccession(accession);
        if (exam.isEmpty()) {
            exam = exams.findByStudyInstanceUid(stored.studyInstanceUid());
        }
        return new DoseRecords.Origin(stored.studyInstanceUid(), stored.seriesInstanceUid(), stored.sopInstanceUid(),
                sopClassUid, accession, exam.map(Exam::id).orElse(null), patient(dataset));
    }

    /** The patient as the audit trail names one: {@code id^^^issuer}, or the id alone. */
    private static String patient(Attributes dataset) {
        String id = dataset.getString(Tags.PatientID);
        String issuer = dataset.getString(Tags.IssuerOfPatientID);
        if (id == null || id.isBlank()) {
            return null;
        }
        return issuer == null || issuer.isBlank() ? id.strip() : id.strip() + "^^^" + issuer.strip();
    }

    private static Set<String> wanted() {
        Set<String> wanted = new HashSet<>(HeaderDose.IMAGES);
        wanted.addAll(RdsrReader.DOSE_SR);
        wanted.addAll(RdsrReader.CARRIER_SR);
        return Set.copyOf(wanted);
    }
}
