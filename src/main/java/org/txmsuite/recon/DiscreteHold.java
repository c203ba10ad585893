package org.txmsuite.recon;

import java.util.Arrays;
import java.util.Random;

/**
 * The bookkeeping of a discrete refinement round ({@link SliceSolver#refineDiscrete}): classifies the
 * pixels of the solver's padded image ({@code (n+2)^2}, one border pixel) by the nearest grey level,
 * marks the pixels away from a class boundary as held (at their class's level, or at their connected
 * region's mean) and smooths the free ones. Works inside the projector's support lines only; allocates
 * at construction, at the first regional round, and when more regions appear than ever before.
 */
final class DiscreteHold {
	/** Fraction of the pixels away from a class boundary that stay fixed in a round of the discrete refinement. */
	static final double FIX_PROBABILITY = 0.85;
	/** Weight of the 8-neighbour mean when the free pixels are smoothed after a round (not after the last). */
	static final float FREE_SMOOTHING = 0.1f;

	private final Projector pr;
	private final int n, np;
	/** The level each pixel is held at in this round; NaN: free. */
	final float[] fixed;
	private final float[] smoothBuf;
	/** Class of each pixel (see {@link #classify}). */
	private final byte[] cls;
	private int[] region, stack;
	private double[] regionSum;

	DiscreteHold(Projector pr) {
		this.pr = pr;
		n = pr.sliceSize();
		np = n + 2;
		fixed = new float[np * np];
		smoothBuf = new float[np * np];
		cls = new byte[np * np];
	}

	/**
	 * Classifies {@code img} with the class boundaries {@code cut} (levels + 1 values, ascending) and marks
	 * the held pixels in {@link #fixed} for the next round.
	 */
	void prepare(float[] img, float[] lev, float[] cut, boolean regional, Random rnd) {
		classify(img, cut);
		holdInterior(img, lev, regional, rnd);
	}

	/**
	 * Class of every pixel in the support: 1 + the index of the nearest level, 0 below the lowest cut,
	 * levels + 1 above the highest (never held); -1 outside the support.
	 */
	private void classify(float[] img, float[] cut) {
		Arrays.fill(cls, (byte) -1);
		for (int k = 0; k < n; k++) {
			int row = (k + 1) * np;
			for (int i = row + pr.lineLo(k), e = row + pr.lineHi(k); i <= e; i++) {
				float v = img[i];
				int c = 0;
				while (c < cut.length && v >= cut[c]) c++;
				cls[i] = (byte) c;
			}
		}
	}

	/**
	 * Holds the pixels of a level class whose support neighbours (8-connected) all share it, each with
	 * probability {@link #FIX_PROBABILITY}: at the class's level or (regional) at their region's mean.
	 */
	private void holdInterior(float[] img, float[] lev, boolean regional, Random rnd) {
		Arrays.fill(fixed, Float.NaN);
		if (regional) regions(lev.length);
		for (int k = 0; k < n; k++) {
			int row = (k + 1) * np;
			for (int i = row + pr.lineLo(k), e = row + pr.lineHi(k); i <= e; i++) {
				byte c = cls[i];
				boolean edge = false;
				for (int dj = -np; dj <= np && !edge; dj += np)
					for (int di = -1; di <= 1; di++) {
						byte q = cls[i + dj + di];
						if (q >= 0 && q != c) {
							edge = true;
							break;
						}
					}
				if (edge || c < 1 || c > lev.length) continue;
				if (regional) { // accumulate the region's mean; held below
					int g = region[i];
					regionSum[2 * g] += img[i];
					regionSum[2 * g + 1]++;
					fixed[i] = Float.NEGATIVE_INFINITY; // a region's inner pixel, held below once the means are known
				} else if (rnd.nextDouble() < FIX_PROBABILITY) fixed[i] = lev[c - 1];
			}
		}
		if (regional) holdRegions(rnd);
	}

	/** Holds the marked region pixels (each with probability {@link #FIX_PROBABILITY}) at their region's mean. */
	private void holdRegions(Random rnd) {
		for (int k = 0; k < n; k++) {
			int row = (k + 1) * np;
			for (int i = row + pr.lineLo(k), e = row + pr.lineHi(k); i <= e; i++) {
				if (fixed[i] != Float.NEGATIVE_INFINITY) continue;
				int g = region[i];
				fixed[i] = rnd.nextDouble() < FIX_PROBABILITY ? (float) (regionSum[2 * g] / regionSum[2 * g + 1]) : Float.NaN;
			}
		}
	}

	/**
	 * Labels the 4-connected regions of the level classes 1..levels in {@code region}, clears
	 * {@code regionSum} for them and returns their count.
	 */
	private int regions(int levels) {
		if (region == null) {
			region = new int[np * np];
			stack = new int[np * np];
		}
		Arrays.fill(region, -1);
		int count = 0;
		for (int k = 0; k < n; k++) {
			int row = (k + 1) * np;
			for (int i = row + pr.lineLo(k), e = row + pr.lineHi(k); i <= e; i++) {
				byte c = cls[i];
				if (c < 1 || c > levels || region[i] >= 0) continue;
				int sp = 0;
				stack[sp++] = i;
				region[i] = count;
				while (sp > 0) {
					int q = stack[--sp];
					for (int d = 0; d < 4; d++) {
						int nb = d == 0 ? q - 1 : d == 1 ? q + 1 : d == 2 ? q - np : q + np;
						if (cls[nb] == c && region[nb] < 0) {
							region[nb] = count;
							stack[sp++] = nb;
						}
					}
				}
				count++;
			}
		}
		if (regionSum == null || regionSum.length < 2 * count) regionSum = new double[Math.max(2 * count, 64)];
		Arrays.fill(regionSum, 0, 2 * count, 0);
		return count;
	}

	/** Free pixels move {@link #FREE_SMOOTHING} of the way to the mean of their 8 neighbours (the caller constrains again). */
	void smoothFree(float[] img) {
		System.arraycopy(img, 0, smoothBuf, 0, img.length);
		for (int k = 0; k < n; k++) {
			int row = (k + 1) * np;
			for (int i = row + pr.lineLo(k), e = row + pr.lineHi(k); i <= e; i++) {
				if (fixed[i] == fixed[i]) continue;
				float m = (smoothBuf[i - np - 1] + smoothBuf[i - np] + smoothBuf[i - np + 1] + smoothBuf[i - 1] + smoothBuf[i + 1] + smoothBuf[i + np - 1]
					+ smoothBuf[i + np] + smoothBuf[i + np + 1]) / 8;
				img[i] += FREE_SMOOTHING * (m - img[i]);
			}
		}
	}
}
