package org.txmsuite.align;

import java.util.Random;
import java.util.stream.IntStream;

import org.txmsuite.recon.Projector;
import org.txmsuite.recon.SliceSolver;

/**
 * The reconstruction inside the tomographic-consistency loop: SART (Andersen and Kak 1984) in a fixed
 * random order on the reconstruction stage's Joseph {@link Projector} kernels, restricted to the
 * cylinder every projection sees, non-negativity after every projection; every slice in parallel,
 * warm-started from the previous loop's image. The loop over the kernels is this class's own (the same
 * update as {@link SliceSolver}'s SART, same order, same results), so that the alignment keeps its
 * measured behaviour whatever the reconstruction stage's solver becomes (TV, threads within a slice).
 * Slices are {@code W x W} with W the detector width, one per detector row; projections are frames
 * {@code proj[a][z*W + k]}. Per-thread buffers are made once per model, so a loop allocates nothing.
 */
final class ConsistencyModel {
	final int w, h, na;
	private final int np;
	private final Projector pr;
	private final float[] rayLen;
	private final int[] order;
	private final float lambda;
	private final boolean positive;
	private final ThreadLocal<Work> work;

	/** Per-thread padded image and projection buffers. */
	private final class Work {
		final float[] img = new float[np * np], fp = new float[w], r = new float[w];
	}

	ConsistencyModel(int width, int height, double[] anglesDeg, double center, double relax, boolean positive) {
		w = width;
		h = height;
		na = anglesDeg.length;
		np = w + 2;
		Projector full = new Projector(w, w, anglesDeg, center, null);
		pr = full.withSupport(SliceSolver.supportRadius(full));
		rayLen = pr.rayLengths();
		order = randomOrder(na, 1);
		lambda = (float) relax;
		this.positive = positive;
		work = ThreadLocal.withInitial(Work::new);
	}

	/**
	 * {@code sweeps} SART sweeps on every slice of {@code vol} (changed in place) against {@code proj},
	 * then, when {@code reproj} is not null, the reprojection of the new slices into it.
	 */
	void sweepAndReproject(float[][] vol, float[][] proj, int sweeps, float[][] reproj) {
		IntStream.range(0, h).parallel().forEach(z -> {
			Work wk = work.get();
			float[] img = wk.img, fp = wk.fp, r = wk.r;
			int off = z * w;
			for (int j = 0; j < w; j++) System.arraycopy(vol[z], j * w, img, (j + 1) * np + 1, w);
			constrain(img);
			for (int s = 0; s < sweeps; s++) sweep(img, fp, r, proj, off);
			if (reproj != null)
				for (int a = 0; a < na; a++) pr.forwardPadded(img, a, reproj[a], off);
			Projector.unpad(img, w, vol[z]);
		});
	}

	/**
	 * One SART sweep of the padded slice {@code img} against rows {@code off..off+W)} of the frames. A
	 * method of its own: written inside the lambda, the JIT compiled it worse (0.71 instead of 0.43 s CPU
	 * per full-resolution loop of the benchmark).
	 */
	private void sweep(float[] img, float[] fp, float[] r, float[][] proj, int off) {
		for (int q = 0; q < na; q++) {
			int a = order[q], ro = a * w;
			float[] b = proj[a];
			pr.forwardPadded(img, a, fp, 0);
			for (int u = 0; u < w; u++) {
				float len = rayLen[ro + u];
				r[u] = len > 0 ? lambda * (b[off + u] - fp[u]) / len : 0f;
			}
			pr.backPadded(img, a, r, 0);
			constrain(img);
		}
	}

	/** Zeroes the border and outside the support; clamps at zero when non-negative. */
	private void constrain(float[] img) {
		pr.maskOutside(img);
		if (!positive) return;
		for (int i = np, e = img.length - np; i < e; i++) img[i] = Math.max(0f, img[i]);
	}

	/** A fixed pseudo-random permutation of 0..n-1 (Fisher-Yates with the given seed). */
	static int[] randomOrder(int n, long seed) {
		int[] o = new int[n];
		for (int i = 0; i < n; i++) o[i] = i;
		if (n < 3) return o;
		Random rnd = new Random(seed);
		for (int i = n - 1; i > 0; i--) {
			int k = rnd.nextInt(i + 1), t = o[i];
			o[i] = o[k];
			o[k] = t;
		}
		return o;
	}

	/** Root-mean-square of measured minus reprojected, over all frames (a consistency figure). */
	static double residual(float[][] measured, float[][] reproj) {
		double s = 0;
		long n = 0;
		for (int a = 0; a < measured.length; a++)
			for (int k = 0; k < measured[a].length; k++) {
				double d = measured[a][k] - reproj[a][k];
				s += d * d;
				n++;
			}
		return Math.sqrt(s / Math.max(1, n));
	}
}
