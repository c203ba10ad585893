package org.txmsuite.segment;

import java.util.Random;

import org.txmsuite.core.Volume;
import org.txmsuite.sim.DacSample;

/** Test volumes: rasterized {@link DacSample} phantoms, blurred, noisy, optionally with a slot cut through the shell. */
final class TestVolumes {
	private TestVolumes() {}

	/** Cube width (voxels) that holds a sample with a margin. */
	static int size(DacSample s, double voxelUm, int margin) {
		double[] e = s.phantom().extent();
		double half = Math.max(e[0], Math.max(e[1], e[2]));
		return 2 * ((int) Math.ceil(half / voxelUm) + margin);
	}

	/**
	 * The sample rasterized (3x3x3 supersampling), blurred by a Gaussian of {@code blurVoxels} and with
	 * Gaussian noise of {@code noise} times the Pt level added.
	 */
	static Volume rasterized(DacSample s, double voxelUm, int n, double blurVoxels, double noise, long seed) {
		Volume v = s.phantom().rasterize(n, n, n, voxelUm, 3);
		if (blurVoxels > 0) {
			float[][] b = Smooth.gaussian(v, blurVoxels, blurVoxels, blurVoxels);
			v = new Volume(n, n, b).voxelSizeNm(voxelUm * 1000);
		}
		double pt = org.txmsuite.sim.Materials.PT * voxelUm;
		Random r = new Random(seed);
		for (int z = 0; z < n; z++) {
			float[] sl = v.slice(z);
			for (int i = 0; i < sl.length; i++) sl[i] += (float) (r.nextGaussian() * noise * pt);
		}
		return v;
	}

	/**
	 * Cuts a slot {@code width} voxels wide through the shell: a slab in x around the centre, for y above
	 * the centre (so it crosses the +y face), over the z range given, filled with the medium level.
	 */
	static void slot(Volume v, int width, int zFrom, int zTo, float level) {
		int n = v.width(), c = n / 2, x0 = c - width / 2;
		for (int z = zFrom; z < zTo; z++)
			for (int y = c; y < n; y++)
				for (int x = x0; x < x0 + width; x++) {
					float val = v.get(x, y, z);
					if (val > level) v.set(x, y, z, level);
				}
	}
}
