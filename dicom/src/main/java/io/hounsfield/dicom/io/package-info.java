/**
 * Encoding and decoding of data sets (PS3.5 §7, §10, Annex A) and the DICOM File Format (PS3.10 §7):
 * {@link io.hounsfield.dicom.io.DicomReader} (streaming, with limits, can stop at Pixel Data),
 * {@link io.hounsfield.dicom.io.DicomWriter}, {@link io.hounsfield.dicom.io.Part10} and
 * {@link io.hounsfield.dicom.io.TransferSyntax}. Every malformed input raises
 * {@link io.hounsfield.dicom.io.DicomParseException}.
 */
package io.hounsfield.dicom.io;
