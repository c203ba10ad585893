package org.txmsuite.io;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;

/** Block averaging of frames ({@code b x b} pixels into one), used to bin large data on import. */
public final class Binning {
	private Binning() {}

	/** Checks a binning factor against a frame size; returns it. */
	public static int check(int bin, int width, int height, String what) {
		if (bin < 1 || bin > width || bin > height)
			throw new TxmException("binning of " + what + " must be between 1 and " + Math.min(width, height) + ", got " + bin);
		return bin;
	}

	/**
	 * Averages {@code bin x bin} blocks; a remainder of fewer than {@code bin} columns or rows at the
	 * right and bottom edges is dropped. Returns the input itself for {@code bin == 1}.
	 */
	public static float[] bin(float[] src, int width, int height, int bin) {
		if (bin == 1) return src;
		int w = width / bin, h = height / bin;
		float[] out = new float[w * h];
		double[] acc = new double[w];
		double norm = 1.0 / (bin * bin);
		for (int y = 0; y < h; y++) {
			java.util.Arrays.fill(acc, 0);
			for (int dy = 0; dy < bin; dy++) {
				int row = (y * bin + dy) * width;
				for (int x = 0; x < w; x++) {
					int p = row + x * bin;
					double s = 0;
					for (int dx = 0; dx < bin; dx++) s += src[p + dx];
					acc[x] += s;
				}
			}
			for (int x = 0; x < w; x++) out[y * w + x] = (float) (acc[x] * norm);
		}
		return out;
	}

	/** A binned copy of a stack (frames in parallel); pixel size and binning scaled. */
	public static FrameStack bin(FrameStack s, int bin) {
		check(bin, s.width(), s.height(), "stack '" + s.source() + "'");
		if (bin == 1) return s;
		float[][] out = new float[s.size()][];
		java.util.stream.IntStream.range(0, s.size()).parallel()
			.forEach(i -> out[i] = bin(s.pixels(i), s.width(), s.height(), bin));
		FrameStack r = new FrameStack(s.width() / bin, s.height() / bin).pixelSizeNm(s.pixelSizeNm() * bin)
			.binning(s.binning() * bin).source(s.source()).state(s.state());
		for (int i = 0; i < out.length; i++) r.add(out[i], s.info(i).copy());
		return r;
	}
}
