package io.hounsfield.worklist;

import io.hounsfield.catalog.Procedure;
import io.hounsfield.exam.Exam;
import io.hounsfield.order.ImagingOrder;
import io.hounsfield.patient.Patient;

/** One scheduled procedure step as the modality sees it: the exam with its patient, procedure and order. */
record WorklistEntry(Exam exam, Patient patient, Procedure procedure, ImagingOrder order) {

    String modality() {
        return procedure.modality();
    }
}
