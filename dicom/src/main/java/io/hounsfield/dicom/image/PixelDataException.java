package io.hounsfield.dicom.image;

import java.io.IOException;

/** Pixel data that cannot be turned into an image: truncated, inconsistent with its description, or a frame that does not exist. */
public class PixelDataException extends IOException {
    public PixelDataException(String message) {
        super(message);
    }

    public PixelDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
