package io.hounsfield.dicom.net.service;

import java.net.InetSocketAddress;

/** Who is on the other side of the association a request came on (PS3.8 §7.1.1). */
public record AssociationInfo(String callingAeTitle, String calledAeTitle, InetSocketAddress remoteAddress,
        String name) {
}
