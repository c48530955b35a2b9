package io.hounsfield.quality;

import io.hounsfield.archive.ArchiveEventSubscriber;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.InstanceStored;
import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.image.PixelData;
import io.hounsfield.dicom.image.PixelDataFiles;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks every image the moment it is stored (the archive's {@link InstanceStored}), and keeps the results. An
 * image that cannot be read is recorded as such; nothing here ever fails the store.
 */
@Component
class QualityCheckSubscriber implements ArchiveEventSubscriber {

    private static final Logger log = LoggerFactory.getLogger(QualityCheckSubscriber.class);

    private final ArchiveService archive;
    private final ExamService exams;
    private final QualityRecords records;
    private final Clock clock;
    private final ImageRejections rejections;

    QualityCheckSubscriber(ArchiveService archive, ExamService exams, QualityRecords records, Clock clock,
            ImageRejections rejections) {
        this.rejections = rejections;
        this.archive = archive;
        this.exams = exams;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "quality-checks";
    }

    @Override
    public void onInstanceStored(InstanceStored stored) {
        Thresholds thresholds = new Thresholds(records.currentThresholds());
        Optional<StoredFile> file = stored.quarantined() ? Optional.empty()
                : archive.fileForProcessing(stored.sopInstanceUid());
        List<CheckResult> results;
        if (file.isEmpty()) {
            // Quarantined (or gone since): the identity is the finding; the image is checked once it is filed.
            results = ImageChecks.run(new Attributes(), null, new ImageChecks.Context(null, stored.quarantined(),
                    thresholds));
        } else {
            results = check(file.get(), stored, thresholds);
        }
        if (!results.isEmpty()) {
            records.save(stored.studyInstanceUid(), stored.seriesInstanceUid(), stored.sopInstanceUid(), results,
                    clock.instant());
        }
    }

    private List<CheckResult> check(StoredFile file, InstanceStored stored, Thresholds thresholds) {
        DicomFile dicom;
        try {
            dicom = PixelDataFiles.read(file.localCopy());
        } catch (IOException | RuntimeException e) {
            log.warn("Quality checks could not read {}: {}", stored.sopInstanceUid(), e.toString());
            return List.of(CheckResult.of("BLANK", CheckResult.WARN, null, "pixels not checked: the file could not"
                    + " be read (" + e.getMessage() + ")", "", "the image could not be decoded"));
        }
        if (!dicom.dataset().contains(Tags.PixelData)) {
            rejections.applyNote(dicom.dataset(), stored.sourceAeTitle());
            return List.of(); // not an image: a rejection note, a report, a presentation state
        }
        rejections.imageStored(stored.studyInstanceUid(), stored.sopInstanceUid());
        String side = exam(stored).map(exam -> exam.laterality() == null ? null : exam.laterality().name())
                .orElse(null);
        return ImageChecks.run(dicom.dataset(), () -> PixelData.of(dicom).decode(1),
                new ImageChecks.Context(side, false, thresholds));
    }

    private Optional<Exam> exam(InstanceStored stored) {
        Optional<Exam> byAccession = stored.accessionNumber().isBlank() ? Optional.empty()
                : exams.findByAccession(stored.accessionNumber());
        return byAccession.isPresent() ? byAccession : exams.findByStudyInstanceUid(stored.studyInstanceUid());
    }
}
