# Writes the 8-bit grey image of a file's first frame at a window, computed independently with numpy from
# pydicom's pixel_array: modality values = stored * Rescale Slope + Rescale Intercept, then the VOI LUT function
# of PS3.3 C.11.2.1.2 to 0..255, inverted for MONOCHROME1. Arguments: file center width function out.raw
import sys

import numpy
import pydicom

path, center, width, function, out = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
ds = pydicom.dcmread(path)
x = ds.pixel_array.astype(numpy.float64) * float(getattr(ds, "RescaleSlope", 1)) + float(
    getattr(ds, "RescaleIntercept", 0))
if function == "LINEAR":
    y = ((x - (center - 0.5)) / (width - 1) + 0.5) * 255
    y[x <= center - 0.5 - (width - 1) / 2] = 0
    y[x > center - 0.5 + (width - 1) / 2] = 255
elif function == "LINEAR_EXACT":
    y = ((x - center) / width + 0.5) * 255
    y[x <= center - width / 2] = 0
    y[x > center + width / 2] = 255
else:
    y = 255 / (1 + numpy.exp(-4 * (x - center) / width))
grey = numpy.clip(numpy.rint(y), 0, 255).astype(numpy.uint8)
if ds.PhotometricInterpretation == "MONOCHROME1":
    grey = 255 - grey
grey.tofile(out)
