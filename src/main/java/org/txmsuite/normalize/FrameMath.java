package org.txmsuite.normalize;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Pixel loops of the normalization, each split over all cores in bands of rows. */
final class FrameMath {
	private FrameMath() {}

	/** Work on pixel indices {@code [from, to)}; returns a count (of pixels changed or flagged). */
	interface Band {
		long run(int from, int to);
	}

	/** Runs a band task over rows {@code [0, height)} of a frame {@code width} wide, in parallel; sums the counts. */
	static long rows(int width, int height, Band task) {
		int cores = Runtime.getRuntime().availableProcessors();
		int bands = Math.max(1, Math.min(height, 4 * cores));
		if ((long) width * height < 65536) bands = 1;
		int nb = bands;
		if (nb == 1) return task.run(0, width * height);
		return IntStream.range(0, nb).parallel().mapToLong(b -> {
			int r0 = (int) ((long) height * b / nb), r1 = (int) ((long) height * (b + 1) / nb);
			return task.run(r0 * width, r1 * width);
		}).sum();
	}

	/** Mean of b x b blocks; the output is floor(w/b) x floor(h/b). */
	static float[] bin(float[] src, int w, int h, int b) {
		int bw = w / b, bh = h / b;
		float[] out = new float[bw * bh];
		float inv = 1f / (b * b);
		rows(bw, bh, (from, to) -> {
			for (int i = from; i < to; i++) {
				int y0 = (i / bw) * b, x0 = (i % bw) * b;
				double s = 0;
				for (int dy = 0; dy < b; dy++) {
					int row = (y0 + dy) * w + x0;
					for (int dx = 0; dx < b; dx++) s += src[row + dx];
				}
				out[i] = (float) (s * inv);
			}
			return 0;
		});
		return out;
	}

	/**
	 * Replaces pixels brighter than {@code (1 + t)} times the (positive) median of their 3x3 neighbourhood
	 * (edges replicated) by that median, in place. Returns the number of pixels replaced.
	 */
	static long removeZingers(float[] px, int w, int h, double t) {
		float[] src = px.clone();
		float k = (float) (1 + t);
		return rows(w, h, (from, to) -> {
			float[] nb = new float[9];
			long n = 0;
			for (int y = from / w; y < to / w; y++) {
				int rm = Math.max(0, y - 1) * w, r0 = y * w, rp = Math.min(h - 1, y + 1) * w;
				for (int x = 0; x < w; x++) {
					int xm = x > 0 ? x - 1 : 0, xp = x < w - 1 ? x + 1 : x;
					float v = src[r0 + x];
					nb[0] = src[rm + xm]; nb[1] = src[rm + x]; nb[2] = src[rm + xp];
					nb[3] = src[r0 + xm]; nb[4] = v; nb[5] = src[r0 + xp];
					nb[6] = src[rp + xm]; nb[7] = src[rp + x]; nb[8] = src[rp + xp];
					float min = nb[0];
					for (int j = 1; j < 9; j++) min = Math.min(min, nb[j]);
					// v <= k * min <= k * median: cannot be a zinger, skip the sort
					if (min > 0 && v <= k * min) continue;
					float med = median9(nb);
					if (med > 0 && v > k * med) {
						px[r0 + x] = med;
						n++;
					}
				}
			}
			return n;
		});
	}

	private static float median9(float[] a) {
		for (int i = 1; i < 9; i++) {
			float v = a[i];
			int j = i - 1;
			while (j >= 0 && a[j] > v) {
				a[j + 1] = a[j];
				j--;
			}
			a[j + 1] = v;
		}
		return a[4];
	}

	/**
	 * Combines frames pixel-wise after turning each into {@code (f - dark) * scale} (dark may be null):
	 * mean, or median when {@code median} is set.
	 */
	static float[] combine(float[][] frames, float[][] darks, float[] scales, boolean median, int w, int h) {
		int n = frames.length;
		float[] out = new float[w * h];
		rows(w, h, (from, to) -> {
			float[] v = new float[n];
			for (int i = from; i < to; i++) {
				for (int k = 0; k < n; k++) v[k] = (frames[k][i] - (darks[k] == null ? 0 : darks[k][i])) * scales[k];
				out[i] = median ? median(v) : mean(v);
			}
			return 0;
		});
		return out;
	}

	private static float mean(float[] v) {
		double s = 0;
		for (float x : v) s += x;
		return (float) (s / v.length);
	}

	private static float median(float[] v) {
		if (v.length == 1) return v[0];
		Arrays.sort(v);
		int m = v.length / 2;
		return v.length % 2 == 1 ? v[m] : 0.5f * (v[m - 1] + v[m]);
	}

	private static final double LN2 = Math.log(2), SQRT2 = Math.sqrt(2);

	/**
	 * Natural logarithm of a positive, finite, normal float, about three times faster than
	 * {@link Math#log} here: x = m 2^e with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh z, z = (m-1)/(m+1),
	 * |z| < 0.172, by its series to z^11 (truncation below 2e-11, far under float resolution).
	 */
	static double ln(float x) {
		int bits = Float.floatToRawIntBits(x);
		int e = ((bits >>> 23) & 0xff) - 127;
		double m = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f800000);
		if (m > SQRT2) {
			m *= 0.5;
			e++;
		}
		double z = (m - 1) / (m + 1), z2 = z * z;
		return e * LN2 + z * (2 + z2 * (2 / 3.0 + z2 * (2 / 5.0 + z2 * (2 / 7.0 + z2 * (2 / 9.0 + z2 * (2 / 11.0))))));
	}
}
