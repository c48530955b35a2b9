package io.hounsfield.system;

import java.util.List;

/** Implemented by each part that runs something worth showing on the start page (a listener, the database). */
public interface StatusContributor {

    List<StatusItem> status();
}
