package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.image.Rendering;
import io.hounsfield.dicom.image.WindowFunction;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * WADO-URI image/jpeg and image/png (PS3.18 §9.1.2.1): {@code frameNumber} (default 1), {@code windowCenter} with
 * {@code windowWidth} (both or neither), {@code rows}/{@code columns} as the largest size to fit (either alone keeps
 * the aspect) and {@code imageQuality} 1..100 for JPEG. {@code region} is not supported and is 400.
 */
@Component
class ToolkitWadoUriRenderer implements WadoUriRenderer {
    /** The bound used for rows or columns when only the other is given. */
    private static final String UNBOUNDED = "65535";

    @Override
    public boolean renders(String contentType) {
        return contentType.equals(RenderedImages.JPEG) || contentType.equals(RenderedImages.PNG);
    }

    @Override
    public void render(StoredFile file, String contentType, Map<String, String> parameters,
            HttpServletResponse response) throws IOException {
        if (parameters.containsKey("region")) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "region is not supported; leave it out");
        }
        String center = parameters.get("windowCenter");
        String width = parameters.get("windowWidth");
        if ((center == null) != (width == null)) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "windowCenter and windowWidth go together");
        }
        Rendering rendering = Rendering.defaults();
        if (center != null) {
            rendering = rendering.withWindow(RenderedImages.window(center, width, WindowFunction.LINEAR));
        }
        String rows = parameters.get("rows");
        String columns = parameters.get("columns");
        if (rows != null || columns != null) {
            rendering = rendering.withViewport(RenderedImages.viewport(columns == null ? UNBOUNDED : columns,
                    rows == null ? UNBOUNDED : rows));
        }
        int frame = parameters.containsKey("frameNumber")
                ? RenderedImages.integer(parameters.get("frameNumber"), "frameNumber") : 1;
        RenderedImages.write(file, frame, contentType, rendering,
                RenderedImages.quality(parameters.get("imageQuality")), response);
    }
}
