"""Test instances for RenderedIT: pydicom test files with fresh UIDs, each in its own study.

Prints one line per instance: name study series instance. MIXED_1..3 are CT_small, the RGB file of two frames and
the JPEG 2000 file again, as instances 1 to 3 of one series.
"""
import sys

import pydicom
from pydicom.uid import generate_uid

source, out = sys.argv[1], sys.argv[2]
for name in ['CT_small', 'SC_rgb_rle_16bit_2frame', 'JPEG2000']:
    ds = pydicom.dcmread(source + '/' + name + '.dcm')
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.PatientID = 'RENDER-1'
    ds.save_as(out + '/' + name + '.dcm', write_like_original=False)
    print(name, ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID)

study, series = generate_uid(), generate_uid()
for number, name in enumerate(['CT_small', 'SC_rgb_rle_16bit_2frame', 'JPEG2000'], start=1):
    ds = pydicom.dcmread(source + '/' + name + '.dcm')
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.SOPInstanceUID = generate_uid()
    ds.InstanceNumber = number
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.PatientID = 'RENDER-1'
    ds.save_as(out + '/MIXED_' + str(number) + '.dcm', write_like_original=False)
    print('MIXED_' + str(number), ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID)
