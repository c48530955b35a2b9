package io.hounsfield.dicom.net.service;

import java.io.IOException;
import java.io.InputStream;

/**
 * Storage SOP Class SCP (PS3.4 Annex B): receives the data set as a stream straight from the association, and
 * answers the status of the C-STORE-RSP only once the object is safe (PS3.4 §B.2.3). An exception while reading means
 * the association broke: nothing may be kept from that data set.
 */
public interface StoreService {
    int store(StoreRequest request, InputStream dataset) throws IOException;
}
