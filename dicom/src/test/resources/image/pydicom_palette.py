# Writes pydicom's palette expansion (apply_color_lut) of a file's pixel_array as little-endian int64 to out.raw.
# Arguments: file out.raw
import sys

import numpy
import pydicom
from pydicom.pixel_data_handlers.util import apply_color_lut

ds = pydicom.dcmread(sys.argv[1])
apply_color_lut(ds.pixel_array, ds).astype("<i8").tofile(sys.argv[2])
