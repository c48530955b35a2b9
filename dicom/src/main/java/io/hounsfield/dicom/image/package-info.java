/**
 * Pixel data, frame by frame: {@link io.hounsfield.dicom.image.PixelData} gives the encoded bytes of a frame as
 * stored and decodes it to a {@link io.hounsfield.dicom.image.Raster};
 * {@link io.hounsfield.dicom.image.ImageRenderer} renders it for display (PNG, JPEG, BufferedImage);
 * {@link io.hounsfield.dicom.image.RoiStatistics} measures regions in modality units. JDK only.
 */
package io.hounsfield.dicom.image;
