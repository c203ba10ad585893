package org.txmsuite.align;

import java.util.stream.IntStream;

import org.txmsuite.recon.Projector;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.SliceSolver;

/**
 * The reconstruction inside the tomographic-consistency loop, built on the reconstruction stage's
 * Joseph {@link Projector} and warm-started {@link SliceSolver} (SART in a fixed random order,
 * non-negativity, cylinder support): every slice in parallel runs its sweeps from the previous loop's image and is reprojected
 * at every angle straight away. Slices are {@code W x W} with W the detector width, one per detector
 * row; projections are frames {@code proj[a][z*W + k]}. Per-thread solvers and buffers are made once
 * per model, so a loop allocates nothing.
 */
final class ConsistencyModel {
	final int w, h, na;
	private final Projector projector;
	private final ReconOptions options;
	private final ThreadLocal<Work> work;

	/** Per-thread solver and buffers. */
	private final class Work {
		final SliceSolver solver = new SliceSolver(projector, options);
		final Projector supported = solver.projector();
		final float[] sino = new float[na * w], padded = new float[(w + 2) * (w + 2)], line = new float[w];
	}

	ConsistencyModel(int width, int height, double[] anglesDeg, double center, double relax, boolean positive) {
		w = width;
		h = height;
		na = anglesDeg.length;
		projector = new Projector(w, w, anglesDeg, center, null);
		options = new ReconOptions().algorithm(ReconOptions.Algorithm.SART).relaxation(relax).nonnegative(positive)
			.ordering(ReconOptions.Ordering.RANDOM);
		work = ThreadLocal.withInitial(Work::new);
	}

	/**
	 * {@code sweeps} SART sweeps on every slice of {@code vol} (changed in place) against {@code proj},
	 * then, when {@code reproj} is not null, the reprojection of the new slices into it.
	 */
	void sweepAndReproject(float[][] vol, float[][] proj, int sweeps, float[][] reproj) {
		IntStream.range(0, h).parallel().forEach(z -> {
			Work wk = work.get();
			int off = z * w;
			if (sweeps > 0) {
				for (int a = 0; a < na; a++) System.arraycopy(proj[a], off, wk.sino, a * w, w);
				wk.solver.setImage(vol[z]);
				wk.solver.run(wk.sino, sweeps, null);
				wk.solver.image(vol[z]);
			}
			if (reproj == null) return;
			float[] p = wk.padded, s = vol[z];
			int np = w + 2;
			for (int j = 0; j < w; j++) System.arraycopy(s, j * w, p, (j + 1) * np + 1, w);
			wk.supported.maskOutside(p);
			for (int a = 0; a < na; a++) wk.supported.forwardPadded(p, a, reproj[a], off);
		});
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
