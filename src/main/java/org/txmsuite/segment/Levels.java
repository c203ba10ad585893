package org.txmsuite.segment;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Robust grey levels of voxel populations (medians and spreads) and Otsu's threshold. */
public final class Levels {
	private Levels() {}

	/** Selects voxels of a population. */
	@FunctionalInterface
	public interface Select {
		boolean at(int z, int i);
	}

	/** Sorted values of the selected voxels. */
	public static float[] sorted(float[][] values, int n, Select select) {
		float[][] parts = new float[values.length][];
		IntStream.range(0, values.length).parallel().forEach(z -> {
			float[] s = values[z], buf = new float[64];
			int k = 0;
			for (int i = 0; i < n; i++)
				if (select.at(z, i)) {
					if (k == buf.length) buf = Arrays.copyOf(buf, k * 2);
					buf[k++] = s[i];
				}
			parts[z] = Arrays.copyOf(buf, k);
		});
		int total = 0;
		for (float[] p : parts) total += p.length;
		float[] all = new float[total];
		int off = 0;
		for (float[] p : parts) {
			System.arraycopy(p, 0, all, off, p.length);
			off += p.length;
		}
		Arrays.parallelSort(all);
		return all;
	}

	/** Quantile (0..1) of sorted values, NaN when empty. */
	public static double quantile(float[] sorted, double q) {
		if (sorted.length == 0) return Double.NaN;
		double pos = q * (sorted.length - 1);
		int a = (int) Math.floor(pos), b = Math.min(sorted.length - 1, a + 1);
		return sorted[a] + (pos - a) * (sorted[b] - sorted[a]);
	}

	/** Robust standard deviation: 1.4826 times the median absolute deviation (from quartiles). */
	public static double sigma(float[] sorted) {
		return (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.349;
	}

	/** Minimum and maximum over all voxels (NaN values ignored). */
	public static double[] range(float[][] values) {
		double[][] mm = new double[values.length][];
		IntStream.range(0, values.length).parallel().forEach(z -> {
			float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
			for (float v : values[z]) {
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
			mm[z] = new double[] { lo, hi };
		});
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (double[] m : mm) {
			lo = Math.min(lo, m[0]);
			hi = Math.max(hi, m[1]);
		}
		return new double[] { lo, hi };
	}

	/** A 4096-bin histogram of selected voxels over [lo, hi]. */
	public static final class Histogram {
		public static final int BINS = 4096;
		public final long[] counts = new long[BINS];
		public final double lo, hi;

		Histogram(double lo, double hi) {
			this.lo = lo;
			this.hi = hi;
		}

		double value(double bin) {
			return lo + bin * (hi - lo) / BINS;
		}

		/**
		 * Otsu's threshold (maximum between-class variance; N. Otsu, IEEE Trans. SMC 9, 62-66, 1979): the
		 * grey level splitting the histogram into its two best-separated classes.
		 */
		public double otsu() {
			double total = 0, sumAll = 0;
			for (int b = 0; b < BINS; b++) {
				total += counts[b];
				sumAll += b * (double) counts[b];
			}
			double w0 = 0, sum0 = 0, best = -1;
			int bestBin = BINS / 2;
			for (int b = 0; b < BINS - 1; b++) {
				w0 += counts[b];
				sum0 += b * (double) counts[b];
				double w1 = total - w0;
				if (w0 == 0 || w1 == 0) continue;
				double m0 = sum0 / w0, m1 = (sumAll - sum0) / w1;
				double between = w0 * w1 * (m0 - m1) * (m0 - m1);
				if (between > best) {
					best = between;
					bestBin = b;
				}
			}
			return value(bestBin + 1);
		}

		/** Quantile q of the voxels with values in [a, b) (bin resolution, linear within a bin); NaN if none. */
		public double quantile(double a, double b, double q) {
			int ba = bin(a), bb = bin(b);
			long total = 0;
			for (int k = ba; k < bb; k++) total += counts[k];
			if (total == 0) return Double.NaN;
			double target = q * total, cum = 0;
			for (int k = ba; k < bb; k++) {
				if (cum + counts[k] >= target && counts[k] > 0) return value(k + (target - cum) / counts[k]);
				cum += counts[k];
			}
			return value(bb);
		}

		int bin(double v) {
			int k = (int) Math.floor((v - lo) / (hi - lo) * BINS);
			return k < 0 ? 0 : k > BINS ? BINS : k;
		}
	}

	/** The histogram of the selected voxels (all if {@code select} is null) over [lo, hi]. */
	public static Histogram histogram(float[][] values, int n, double lo, double hi, Select select) {
		Histogram out = new Histogram(lo, hi);
		final int bins = Histogram.BINS;
		double scale = bins / (hi - lo);
		long[][] part = new long[values.length][];
		IntStream.range(0, values.length).parallel().forEach(z -> {
			long[] hist = new long[bins];
			float[] s = values[z];
			for (int i = 0; i < n; i++) {
				if (select != null && !select.at(z, i)) continue;
				int b = (int) ((s[i] - lo) * scale);
				hist[b < 0 ? 0 : b >= bins ? bins - 1 : b]++;
			}
			part[z] = hist;
		});
		for (long[] p : part) for (int b = 0; b < bins; b++) out.counts[b] += p[b];
		return out;
	}
}
