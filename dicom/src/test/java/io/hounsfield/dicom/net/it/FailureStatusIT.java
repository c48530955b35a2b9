package io.hounsfield.dicom.net.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.AssociationPolicy;
import io.hounsfield.dicom.net.DicomServer;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A service that fails unexpectedly is answered with the status its DIMSE has for the failure: out of resources when
 * the application says the failure passes (A700 for C-FIND, 0213 for DIMSE-N), else C000 for C-FIND and 0110 for
 * DIMSE-N, which has no C000.
 */
class FailureStatusIT {
    /** Stands for a database away: passes. */
    private static final class Away extends RuntimeException {
    }

    @Test
    void passingFailuresAreOutOfResourcesAndOthersCannotBeProcessed() throws Exception {
        assertThat(statuses(failure -> failure instanceof Away, new Away()))
                .containsExactly(Status.OUT_OF_RESOURCES, Status.RESOURCE_LIMITATION);
        assertThat(statuses(failure -> failure instanceof Away, new UncheckedIOException(new java.io.IOException())))
                .containsExactly(Status.UNABLE_TO_PROCESS, Status.PROCESSING_FAILURE);
    }

    /** The C-FIND and N-CREATE statuses when both services throw {@code failure}. */
    private static int[] statuses(Predicate<Throwable> passing, RuntimeException failure) throws Exception {
        ServiceRegistry registry = new ServiceRegistry().passingFailures(passing)
                .find(Uids.StudyRootQueryRetrieveInformationModelFind, (request, keys, matches) -> {
                    throw failure;
                })
                .normalized(Uids.ModalityPerformedProcedureStep, (request, dataset) -> {
                    throw failure;
                });
        ApplicationEntity ae = new ApplicationEntity("HOUNSFIELD", registry,
                AssociationPolicy.calledAeTitle("HOUNSFIELD"), ScpFixture.OPTIONS);
        try (DicomServer server = DicomServer.start(ae, "127.0.0.1", 0);
                Association association = ScpFixture.client(new ServiceRegistry()).connect("127.0.0.1", server.port(),
                        "HOUNSFIELD", new PresentationContexts()
                                .add(Uids.StudyRootQueryRetrieveInformationModelFind, Uids.ExplicitVRLittleEndian)
                                .add(Uids.ModalityPerformedProcedureStep, Uids.ExplicitVRLittleEndian))) {
            Scu scu = new Scu(association);
            Attributes keys = new Attributes();
            keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
            keys.setString(Tags.StudyInstanceUID, VR.UI, "");
            int find = scu.find(Uids.StudyRootQueryRetrieveInformationModelFind, keys, match -> true);
            Attributes step = new Attributes();
            step.setString(Tags.PatientID, VR.LO, "AWAY1");
            int create = scu.nCreate(Uids.ModalityPerformedProcedureStep, "1.2.3.4", step).status();
            return new int[] {find, create};
        }
    }
}
