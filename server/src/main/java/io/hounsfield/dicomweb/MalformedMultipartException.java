package io.hounsfield.dicomweb;

import java.io.IOException;

/** A multipart body that breaks RFC 2046 §5.1.1: the request is refused with 400. */
final class MalformedMultipartException extends IOException {
    MalformedMultipartException(String message) {
        super(message);
    }
}
