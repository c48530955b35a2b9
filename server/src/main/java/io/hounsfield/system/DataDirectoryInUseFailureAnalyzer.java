package io.hounsfield.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second server or a command on a data directory in use: a plain report instead of a database failure. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DataDirectoryInUseException failure) {
        return new FailureAnalysis(
                "The data directory " + failure.directory() + " is in use by another Hounsfield process ("
                        + failure.holder() + ").",
                "Stop that process first, or point hounsfield.data-dir elsewhere. To add images to a running"
                        + " server, send them over DICOM (bin/hounsfield-dicom store) instead of importing.",
                failure);
    }
}
