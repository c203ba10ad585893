package org.txmsuite.segment;

/**
 * A check image: three orthogonal slices (XY top left, ZY top right, XZ bottom left) through a point,
 * grey values windowed to [lo, hi], with each label's boundary drawn in its colour (shell red,
 * interior or sample green, other objects yellow, excluded matter blue). Thin yellow lines mark where
 * the other two slices cut.
 */
final class OrthoView {
	static final int GAP = 4;
	final int[] pixels;
	final int width, height;

	private OrthoView(int[] pixels, int width, int height) {
		this.pixels = pixels;
		this.width = width;
		this.height = height;
	}

	static int colour(int label) {
		switch (label) {
			case 1: return 0xff3030;
			case 2: return 0x30ff30;
			default: return 0xffff00;
		}
	}

	static OrthoView render(float[][] values, byte[][] labels, int w, int h, int cx, int cy, int cz, double lo, double hi, int excludedLabel) {
		int d = values.length;
		int W = w + GAP + d, H = h + GAP + d;
		int[] px = new int[W * H];
		double scale = hi > lo ? 255 / (hi - lo) : 0;
		// panel p: 0 = XY at cz (a=x, b=y), 1 = ZY at cx (a=z, b=y), 2 = XZ at cy (a=x, b=z)
		for (int p = 0; p < 3; p++) {
			int na = p == 1 ? d : w, nb = p == 2 ? d : h;
			int ox = p == 1 ? w + GAP : 0, oy = p == 2 ? h + GAP : 0;
			for (int b = 0; b < nb; b++)
				for (int a = 0; a < na; a++) {
					int l = label(labels, w, p, a, b, cx, cy, cz);
					int rgb;
					boolean edge = l != 0 && ((a > 0 && label(labels, w, p, a - 1, b, cx, cy, cz) != l)
						|| (a < na - 1 && label(labels, w, p, a + 1, b, cx, cy, cz) != l)
						|| (b > 0 && label(labels, w, p, a, b - 1, cx, cy, cz) != l)
						|| (b < nb - 1 && label(labels, w, p, a, b + 1, cx, cy, cz) != l));
					if (edge) rgb = l == excludedLabel ? 0x4080ff : colour(l);
					else {
						int g = (int) Math.max(0, Math.min(255, (value(values, w, p, a, b, cx, cy, cz) - lo) * scale));
						rgb = g << 16 | g << 8 | g;
					}
					px[(oy + b) * W + ox + a] = rgb;
				}
		}
		for (int a = 0; a < w; a++) px[cy * W + a] = blend(px[cy * W + a]);
		for (int b = 0; b < h; b++) px[b * W + cx] = blend(px[b * W + cx]);
		return new OrthoView(px, W, H);
	}

	private static int blend(int rgb) {
		return (rgb & 0xfefefe) >> 1 | 0x808000;
	}

	private static int label(byte[][] labels, int w, int p, int a, int b, int cx, int cy, int cz) {
		switch (p) {
			case 0: return labels[cz][b * w + a] & 0xff;
			case 1: return labels[a][b * w + cx] & 0xff;
			default: return labels[b][cy * w + a] & 0xff;
		}
	}

	private static float value(float[][] values, int w, int p, int a, int b, int cx, int cy, int cz) {
		switch (p) {
			case 0: return values[cz][b * w + a];
			case 1: return values[a][b * w + cx];
			default: return values[b][cy * w + a];
		}
	}
}
