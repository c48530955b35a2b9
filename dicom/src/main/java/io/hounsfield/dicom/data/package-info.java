/**
 * The DICOM data model (PS3.5 §6-7): {@link io.hounsfield.dicom.data.Attributes} (a data set in sorted arrays),
 * {@link io.hounsfield.dicom.data.VR} with its value codecs, {@link io.hounsfield.dicom.data.Sequence},
 * {@link io.hounsfield.dicom.data.Fragments}, {@link io.hounsfield.dicom.data.PersonName},
 * {@link io.hounsfield.dicom.data.DicomDateTime} and {@link io.hounsfield.dicom.data.SpecificCharacterSet}.
 */
package io.hounsfield.dicom.data;
