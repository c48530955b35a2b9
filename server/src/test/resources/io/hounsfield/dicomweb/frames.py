"""Test instances for FramesIT, each with fresh UIDs, and the frames pydicom finds in them.

Native frames: pydicom's pixel data value cut into Rows x Columns x Samples x Bits Allocated, little endian.
Encapsulated frames: pydicom's own frame splitting (generate_pixel_data_frame), or the frames a synthetic file
was built from (extended offset table, no offset table, several fragments a frame).
Prints one line per instance: name study series instance frames transfer-syntax.
"""
import os
import sys

import numpy as np
import pydicom
from pydicom.encaps import encapsulate, encapsulate_extended, generate_pixel_data_frame
from pydicom.uid import generate_uid

source, out = sys.argv[1], sys.argv[2]


def frame_count(ds):
    return int(ds.get('NumberOfFrames', 1) or 1)


def native_frames(ds):
    width = ds.BitsAllocated // 8
    order = '>' if not ds.is_little_endian else '<'
    values = np.frombuffer(ds.PixelData, dtype=order + 'u' + str(width))
    raw = values.astype('<u' + str(width)).tobytes()
    size = ds.Rows * ds.Columns * ds.SamplesPerPixel * width
    return [raw[i * size:(i + 1) * size] for i in range(frame_count(ds))]


def encapsulated_frames(ds):
    return list(generate_pixel_data_frame(ds.PixelData, frame_count(ds)))


def save(name, ds, frames):
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.PatientID = 'FRAMES-IT'
    ds.save_as(os.path.join(out, name + '.dcm'), write_like_original=False)
    for number, frame in enumerate(frames, 1):
        with open(os.path.join(out, '%s.%d.frame' % (name, number)), 'wb') as f:
            f.write(frame)
    print(name, ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID, len(frames),
          ds.file_meta.TransferSyntaxUID)


for name in ['rtdose', 'rtdose_expb', 'image_dfl', 'MR_small_bigendian']:
    ds = pydicom.dcmread(os.path.join(source, name + '.dcm'))
    if name == 'rtdose':
        # Long binary values, for bulk data: one at the top level, one nested in an item.
        ds.EncapsulatedDocument = bytes(range(256)) * 8
        icon = pydicom.Dataset()
        icon.Rows = 32
        icon.Columns = 64
        icon.PixelData = bytes(reversed(range(256))) * 8
        ds.IconImageSequence = pydicom.Sequence([icon])
    save(name, ds, native_frames(ds))

for name in ['rtdose_rle', 'SC_rgb_rle_2frame', 'JPEG-lossy', 'MR_small_jpeg_ls_lossless', 'JPEG2000']:
    ds = pydicom.dcmread(os.path.join(source, name + '.dcm'))
    save(name, ds, encapsulated_frames(ds))

rle = pydicom.dcmread(os.path.join(source, 'rtdose_rle.dcm'))
frames = encapsulated_frames(rle)

ds = pydicom.dcmread(os.path.join(source, 'rtdose_rle.dcm'))
ds.PixelData, table, lengths = encapsulate_extended(frames)
ds.ExtendedOffsetTable = table
ds.ExtendedOffsetTableLengths = lengths
save('extended_offset_table', ds, frames)

ds = pydicom.dcmread(os.path.join(source, 'rtdose_rle.dcm'))
ds.PixelData = encapsulate(frames, has_bot=False)
save('no_offset_table', ds, frames)

ds = pydicom.dcmread(os.path.join(source, 'rtdose_rle.dcm'))
ds.PixelData = encapsulate(frames, fragments_per_frame=2, has_bot=True)
save('two_fragments_a_frame', ds, frames)
