package io.hounsfield.qc;

import io.hounsfield.archive.ArchiveEventSubscriber;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.InstanceStored;
import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.image.ModalityLut;
import io.hounsfield.dicom.image.PixelData;
import io.hounsfield.dicom.image.PixelDataFiles;
import io.hounsfield.dicom.io.DicomFile;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Analyses the daily water-phantom image of a CT the moment it is stored: an image is QC when it comes from the
 * configured AE title ({@code hounsfield.qc.ct-water.ae-title}, default CT1) and its Study or Series Description
 * matches {@code hounsfield.qc.ct-water.description} (default: begins with "QC"). An image that cannot be read or
 * holds no phantom is recorded as not analysable; nothing here fails the store.
 */
@Component
class WaterPhantomSubscriber implements ArchiveEventSubscriber {

    private static final Logger log = LoggerFactory.getLogger(WaterPhantomSubscriber.class);

    private final ArchiveService archive;
    private final QcService qc;
    private final Clock clock;
    private final List<String> aeTitles;
    private final Pattern description;

    WaterPhantomSubscriber(ArchiveService archive, QcService qc, Clock clock,
            @Value("${hounsfield.qc.ct-water.ae-title:CT1}") List<String> aeTitles,
            @Value("${hounsfield.qc.ct-water.description:(?i)^QC.*}") String description) {
        this.archive = archive;
        this.qc = qc;
        this.clock = clock;
        this.aeTitles = aeTitles;
        this.description = Pattern.compile(description);
    }

    @Override
    public String name() {
        return "qc-water-phantom";
    }

    @Override
    public void onInstanceStored(InstanceStored stored) {
        if (stored.quarantined() || !aeTitles.contains(stored.sourceAeTitle())) {
            return;
        }
        Optional<StoredFile> file = archive.fileForProcessing(stored.sopInstanceUid());
        if (file.isEmpty()) {
            return;
        }
        DicomFile dicom;
        try {
            dicom = PixelDataFiles.read(file.get().localCopy());
        } catch (Exception e) {
            return; // not a readable file: the quality checks report it; it is no QC image we can tell
        }
        Attributes dataset = dicom.dataset();
        if (!isQc(dataset)) {
            return;
        }
        PhantomMeasurement measured;
        try {
            measured = measure(dicom);
        } catch (Exception | OutOfMemoryError e) {
            log.warn("Water phantom analysis could not decode {}: {}", stored.sopInstanceUid(), e.toString());
            measured = PhantomMeasurement.notAnalysable("The image could not be decoded (" + e.getMessage() + ")");
        }
        QcOutcome outcome = qc.waterTolerances(stored.sourceAeTitle()).judge(measured);
        qc.record(new QcResult(stored.sopInstanceUid(), stored.sourceAeTitle(), QcService.CT_WATER, clock.instant(),
                outcome.outcome(), measured.meanHu(), measured.noiseSdHu(), measured.uniformityHu(),
                measured.roiMeans(), measured.phantomDiameterMm(), outcome.reasons(), "", "automatic analysis"));
    }

    private boolean isQc(Attributes dataset) {
        String study = dataset.getString(Tags.StudyDescription);
        String series = dataset.getString(Tags.SeriesDescription);
        return dataset.contains(Tags.PixelData) && (study != null && description.matcher(study).matches()
                || series != null && description.matcher(series).matches());
    }

    private static PhantomMeasurement measure(DicomFile dicom) throws Exception {
        Attributes dataset = dicom.dataset();
        double[] spacing = dataset.getDoubles(Tags.PixelSpacing);
        if (spacing == null || spacing.length < 2) {
            return PhantomMeasurement.notAnalysable("The image has no pixel spacing, so the phantom cannot be sized");
        }
        int padding = dataset.getInt(Tags.PixelPaddingValue, Integer.MIN_VALUE);
        return WaterPhantomAnalysis.analyse(PixelData.of(dicom).decode(1), ModalityLut.of(dataset),
                padding == Integer.MIN_VALUE ? null : (long) padding, spacing[0], spacing[1]);
    }
}
