package io.hounsfield.dicom.image;

/**
 * A region of interest in pixel coordinates: x along columns, y along rows, the pixel at column c, row r covering
 * [c, c+1) × [r, r+1). A pixel belongs to the region when its centre (c + ½, r + ½) lies inside.
 */
public sealed interface Roi {
    boolean contains(double x, double y);

    /** The bounding box {@code [x0, y0, x1, y1]} (exclusive ends). */
    double[] bounds();

    /** The rectangle from ({@code x}, {@code y}) of {@code width} × {@code height} pixels. */
    static Roi rectangle(double x, double y, double width, double height) {
        return new Rectangle(x, y, width, height);
    }

    /** The circle round ({@code centerX}, {@code centerY}) of {@code radius} pixels. */
    static Roi circle(double centerX, double centerY, double radius) {
        return new Circle(centerX, centerY, radius);
    }

    record Rectangle(double x, double y, double width, double height) implements Roi {
        public Rectangle {
            if (!(width > 0 && height > 0)) {
                throw new IllegalArgumentException("a rectangle needs a width and height above 0");
            }
        }

        @Override
        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }

        @Override
        public double[] bounds() {
            return new double[] {x, y, x + width, y + height};
        }
    }

    record Circle(double centerX, double centerY, double radius) implements Roi {
        public Circle {
            if (!(radius > 0)) {
                throw new IllegalArgumentException("a circle needs a radius above 0");
            }
        }

        @Override
        public boolean contains(double px, double py) {
            double dx = px - centerX;
            double dy = py - centerY;
            return dx * dx + dy * dy <= radius * radius;
        }

        @Override
        public double[] bounds() {
            return new double[] {centerX - radius, centerY - radius, centerX + radius, centerY + radius};
        }
    }
}
