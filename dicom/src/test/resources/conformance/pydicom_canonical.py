"""Prints pydicom's reading of DICOM files in the canonical element form of io.hounsfield.dicom.tool.Dump --canonical.

Usage: /usr/bin/python3 pydicom_canonical.py < list-of-paths
For each path prints "### FILE path", then one line per element, or "### ERROR message"; then "### END".
"""
import hashlib
import struct
import sys
import warnings

import pydicom
from pydicom import config
from pydicom.multival import MultiValue
from pydicom.sequence import Sequence
import pydicom.dataset
import pydicom.filereader

# Read DICOMDIRs as plain data sets, as pydicom 3 does: its DicomDir class checks record offsets on reading.
pydicom.filereader.DicomDir = pydicom.dataset.FileDataset

warnings.filterwarnings("ignore")
config.replace_un_with_known_vr = False
TEXT = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT"}
INTEGER = {"US", "SS", "UL", "SL", "SV", "UV"}
WORDS = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


def as_list(value):
    if value is None:
        return []
    if isinstance(value, (MultiValue, list, tuple)):
        return list(value)
    return [value]


def strip(text):
    return text.strip(" \x00")


def digest(data):
    return "len=%d sha1=%s" % (len(data), hashlib.sha1(data).hexdigest())


def swap(data, size):
    return b"".join(data[i:i + size][::-1] for i in range(0, len(data) - len(data) % size, size))


def canonical_value(elem, little_endian):
    vr = str(getattr(elem.VR, "value", elem.VR))
    value = elem.value
    if vr in TEXT:
        values = as_list(value)
        if vr in ("LT", "ST", "UT", "UR"):
            values = [value] if value not in (None, "") else []
        text = "\\".join(strip(str(v)).rstrip("=") if vr == "PN" else strip(str(v)) for v in values)
        return "[" + text.replace("\r", "\\r").replace("\n", "\\n") + "]"
    if vr in INTEGER:
        return "\\".join(str(int(v)) for v in as_list(value))
    if vr == "FL":
        return "\\".join("%08X" % struct.unpack("<I", struct.pack("<f", v))[0] for v in as_list(value))
    if vr == "FD":
        return "\\".join("%016X" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in as_list(value))
    if vr == "AT":
        return "\\".join("%08X" % int(v) for v in as_list(value))
    data = value if value is not None else b""
    if isinstance(data, str):
        data = data.encode("latin-1")
    if not little_endian and vr in WORDS and not elem.is_undefined_length:
        data = swap(data, WORDS[vr])
    data = bytes(data)
    if elem.is_undefined_length:
        return digest(normalized_items(data))
    if vr in ("OB", "UN") and len(data) % 2 == 0 and data.endswith(b"\x00"):
        data = data[:-1]
    return digest(data)


def normalized_items(data):
    """Encapsulated pixel data as its items, each padded to even length, without the sequence delimiter."""
    out = bytearray()
    offset = 0
    while offset + 8 <= len(data):
        tag, length = struct.unpack("<II", data[offset:offset + 8])
        if tag == 0xE0DDFFFE:
            break
        item = data[offset + 8:offset + 8 + length]
        padded = item + b"\x00" * (len(item) % 2)
        out += struct.pack("<II", 0xE000FFFE, len(padded)) + padded
        offset += 8 + length
    return bytes(out)


def walk(out, dataset, prefix, little_endian):
    for elem in dataset:
        path = prefix + "%08X" % elem.tag
        vr = str(getattr(elem.VR, "value", elem.VR))
        if vr == "SQ" or isinstance(elem.value, Sequence):
            items = elem.value or []
            out.append("%s SQ items=%d" % (path, len(items)))
            for index, item in enumerate(items):
                walk(out, item, "%s/%d/" % (path, index), little_endian)
        else:
            out.append("%s %s %s" % (path, vr, canonical_value(elem, little_endian)))


def main():
    for path in sys.stdin.read().splitlines():
        print("### FILE " + path)
        try:
            dataset = pydicom.dcmread(path, force=True)
            out = []
            walk(out, dataset.file_meta, "", True)
            walk(out, dataset, "", dataset.is_little_endian)
            print("\n".join(out))
        except Exception as error:  # report any failure as data for the Java side
            print("### ERROR %s: %s" % (type(error).__name__, str(error).replace("\n", " ")))
        print("### END")


if __name__ == "__main__":
    main()
