/** Command-line tools: {@link io.hounsfield.dicom.tool.Dump}, a dcmdump-like text dump. */
package io.hounsfield.dicom.tool;
