# For each DICOM file named on stdin (one a line), writes pydicom's pixel_array for all frames to OUT/<n>.raw as
# little-endian int64 in (frame, row, column, sample) order and prints "OK <n> <frames> <rows> <columns> <samples>",
# or "SKIP <n> <reason>" when pydicom cannot give the array here. YBR data stays YBR: pydicom's numpy and RLE
# handlers do not convert colour space, and YBR_FULL_422 is upsampled to YBR_FULL as ours is.
import sys
import warnings

import numpy
import pydicom

warnings.simplefilter("ignore")
out = sys.argv[1]
for n, line in enumerate(sys.stdin.read().splitlines()):
    try:
        ds = pydicom.dcmread(line)
        arr = ds.pixel_array
    except Exception as e:
        print("SKIP %d %s" % (n, (type(e).__name__ + ": " + str(e)).replace("\n", " ")[:160]))
        continue
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    samples = int(ds.SamplesPerPixel)
    shaped = arr.reshape(frames, int(ds.Rows), int(ds.Columns), samples)
    shaped.astype("<i8").tofile("%s/%d.raw" % (out, n))
    print("OK %d %d %d %d %d" % (n, frames, int(ds.Rows), int(ds.Columns), samples))
