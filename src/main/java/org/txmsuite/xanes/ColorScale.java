package org.txmsuite.xanes;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.LUT;

import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.Locale;

/**
 * Calibrated colour for float maps: a perceptually uniform LUT (viridis, sampled from its published
 * anchor colours) with the display range set to the 1st-99th percentile of the finite values, and an
 * RGB rendering with a labelled colour bar for reports.
 */
public final class ColorScale {
	private static final int[][] ANCHORS = { { 68, 1, 84 }, { 71, 44, 122 }, { 59, 81, 139 }, { 44, 113, 142 },
		{ 33, 144, 141 }, { 39, 173, 129 }, { 92, 200, 99 }, { 170, 220, 50 }, { 253, 231, 37 } };

	private ColorScale() {}

	/** The 256-entry viridis LUT. */
	public static LUT lut() {
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			int[] c = color(i / 255.0);
			r[i] = (byte) c[0];
			g[i] = (byte) c[1];
			b[i] = (byte) c[2];
		}
		return new LUT(r, g, b);
	}

	static int[] color(double f) {
		double x = Math.max(0, Math.min(1, f)) * (ANCHORS.length - 1);
		int i = Math.min((int) x, ANCHORS.length - 2);
		double t = x - i;
		int[] c = new int[3];
		for (int k = 0; k < 3; k++) c[k] = (int) Math.round(ANCHORS[i][k] + t * (ANCHORS[i + 1][k] - ANCHORS[i][k]));
		return c;
	}

	/** 1st and 99th percentile of the finite values (over all slices); {0, 1} if there are none. */
	public static double[] range(float[][] slices) {
		long count = 0;
		for (float[] s : slices) for (float v : s) if (Float.isFinite(v)) count++;
		if (count == 0) return new double[] { 0, 1 };
		int stride = (int) Math.max(1, count / 1_000_000);
		float[] sample = new float[(int) ((count + stride - 1) / stride)];
		int n = 0;
		long k = 0;
		for (float[] s : slices) for (float v : s) if (Float.isFinite(v) && k++ % stride == 0 && n < sample.length) sample[n++] = v;
		Arrays.sort(sample, 0, n);
		double lo = sample[(int) (0.01 * (n - 1))], hi = sample[(int) Math.ceil(0.99 * (n - 1))];
		if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
		return new double[] { lo, hi };
	}

	/** Applies the LUT and the percentile display range to a float map (all slices). */
	public static ImagePlus apply(ImagePlus map, float[][] slices) {
		double[] r = range(slices);
		LUT lut = lut();
		lut.min = r[0];
		lut.max = r[1];
		for (int i = 1; i <= map.getStackSize(); i++) map.getStack().getProcessor(i).setLut(lut);
		map.getProcessor().setLut(lut);
		map.setDisplayRange(r[0], r[1]);
		return map;
	}

	/**
	 * An RGB picture of one slice of a map with a colour bar labelled in {@code unit}; NaN pixels grey.
	 * The map is enlarged by an integer factor to at least 256 pixels on its long side.
	 */
	public static ImagePlus view(String title, float[] map, int width, int height, double lo, double hi, String unit) {
		int zoom = Math.max(1, (int) Math.ceil(256.0 / Math.max(width, height)));
		int mw = width * zoom, mh = height * zoom, margin = 10, barW = 18, labelW = 80;
		int cw = mw + 2 * margin + barW + labelW, ch = Math.max(mh, 160) + 2 * margin + 20;
		ColorProcessor cp = new ColorProcessor(cw, ch);
		cp.setColor(Color.WHITE);
		cp.fill();
		int[] px = (int[]) cp.getPixels();
		for (int y = 0; y < mh; y++)
			for (int x = 0; x < mw; x++) {
				float v = map[(y / zoom) * width + x / zoom];
				px[(y + margin + 20) * cw + x + margin] = Float.isFinite(v) ? rgb(color((v - lo) / (hi - lo))) : 0x808080;
			}
		int bx = mw + 2 * margin, by = margin + 20, bh = Math.max(mh, 160);
		for (int y = 0; y < bh; y++) {
			int c = rgb(color(1 - y / (double) (bh - 1)));
			for (int x = 0; x < barW; x++) px[(by + y) * cw + bx + x] = c;
		}
		cp.setColor(Color.BLACK);
		cp.setAntialiasedText(true);
		cp.setFont(new Font("SansSerif", Font.PLAIN, 12));
		for (int t = 0; t <= 4; t++) {
			int y = by + (int) Math.round(t / 4.0 * (bh - 1));
			cp.drawLine(bx + barW, y, bx + barW + 4, y);
			cp.drawString(label(hi - t / 4.0 * (hi - lo)), bx + barW + 6, y + 6);
		}
		cp.drawString(title + (unit.isEmpty() ? "" : " (" + unit + ")"), margin, margin + 14);
		return new ImagePlus(title, cp);
	}

	/** {@link #view} of slice {@code z} of a map stack, with the display range it carries. */
	public static ImagePlus view(ImagePlus map, int z, String unit) {
		ImageStack st = map.getStack();
		return view(map.getTitle(), (float[]) st.getProcessor(z + 1).getPixels(), map.getWidth(), map.getHeight(),
			map.getDisplayRangeMin(), map.getDisplayRangeMax(), unit);
	}

	private static int rgb(int[] c) {
		return (c[0] << 16) | (c[1] << 8) | c[2];
	}

	static String label(double v) {
		double a = Math.abs(v);
		if (a >= 1000) return String.format(Locale.ROOT, "%.1f", v);
		if (a >= 10) return String.format(Locale.ROOT, "%.2f", v);
		return String.format(Locale.ROOT, "%.3f", v);
	}
}
