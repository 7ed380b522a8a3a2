package kusari.workshop;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the board's inline SVG QR code back into pixels and decodes it with ZXing, as a phone's camera would. */
public final class QrDecode {

    private QrDecode() {
    }

    /** The text of the first QR code drawn in {@code html}. */
    public static String fromSvg(String html) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(html);
        if (!box.find()) {
            throw new AssertionError("no inline SVG in the page");
        }
        int size = Integer.parseInt(box.group(1));
        int scale = 8;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(size * scale, size * scale,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, size * scale, size * scale);
        g.setColor(java.awt.Color.BLACK);
        Matcher m = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(html);
        while (m.find()) {
            g.fillRect(Integer.parseInt(m.group(1)) * scale, Integer.parseInt(m.group(2)) * scale, scale, scale);
        }
        g.dispose();
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.client.j2se.BufferedImageLuminanceSource(img)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }
}
