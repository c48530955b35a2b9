package io.hounsfield.dicom.net.service;

import java.io.IOException;
import java.io.InputStream;

/**
 * Storage SOP Class SCP (PS3.4 Annex B): receives the data set as a stream straight from the association, and
 * answers the status of the C-STORE-RSP only once the object is safe (PS3.4 §B.2.3). An exception while reading means
 * the association broke: nothing may be kept from that data set, unless it is a {@link DimseRefusal}, which is
 * answered with its status and message (e.g. 0xC000 for a data set that cannot be read or is over the limits).
 */
public interface StoreService {
    int store(StoreRequest request, InputStream dataset) throws IOException;
}
