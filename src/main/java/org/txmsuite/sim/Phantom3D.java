package org.txmsuite.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.txmsuite.core.Volume;

/**
 * A sum of solids, each with a linear attenuation coefficient {@code mu} in 1/um. Nested objects are
 * made by superposition: a Pt-coated glass cube is the outer box with mu(Pt) plus the inner box with
 * mu(glass) - mu(Pt). Line integrals are exact sums of analytic chord lengths.
 */
public final class Phantom3D {
	/** One part: a solid and the attenuation (1/um) it adds. */
	public static final class Part {
		public final String name;
		public final Solid solid;
		public final double mu;

		Part(String name, Solid solid, double mu) {
			this.name = name;
			this.solid = solid;
			this.mu = mu;
		}
	}

	private final List<Part> parts = new ArrayList<>();

	public Phantom3D add(String name, Solid solid, double muPerUm) {
		parts.add(new Part(name, solid, muPerUm));
		return this;
	}

	public List<Part> parts() {
		return parts;
	}

	/** Absorbance (dimensionless line integral of mu) of the ray at detector u, height z (um). */
	public double lineIntegral(double u, double z, double cos, double sin) {
		double sum = 0;
		for (int k = 0, n = parts.size(); k < n; k++) {
			Part p = parts.get(k);
			sum += p.mu * p.solid.chord(u, z, cos, sin);
		}
		return sum;
	}

	/** Attenuation (1/um) at a point. */
	public double mu(double x, double y, double z) {
		double sum = 0;
		for (Part p : parts) if (p.solid.contains(x, y, z)) sum += p.mu;
		return sum;
	}

	/** Largest half-extent of all parts per axis {x, y, z} (um). */
	public double[] extent() {
		double[] e = new double[3];
		for (Part p : parts) {
			double[] q = p.solid.extent();
			for (int i = 0; i < 3; i++) e[i] = Math.max(e[i], q[i]);
		}
		return e;
	}

	/**
	 * The phantom sampled on a voxel grid centred on the rotation axis, each voxel the average of
	 * {@code s x s x s} point samples, in units of mu x voxel size (absorbance per voxel: what a
	 * reconstruction from absorbance projections in pixel units returns).
	 */
	public Volume rasterize(int width, int height, int depth, double voxelUm, int s) {
		Volume v = new Volume(width, height, depth).voxelSizeNm(voxelUm * 1000);
		double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0, cz = (depth - 1) / 2.0;
		double norm = voxelUm / (s * s * s);
		IntStream.range(0, depth).parallel().forEach(k -> {
			float[] slice = v.slice(k);
			for (int j = 0; j < height; j++)
				for (int i = 0; i < width; i++) {
					double sum = 0;
					for (int a = 0; a < s; a++)
						for (int b = 0; b < s; b++)
							for (int c = 0; c < s; c++) {
								double x = (i - cx + (a + 0.5) / s - 0.5) * voxelUm;
								double y = (j - cy + (b + 0.5) / s - 0.5) * voxelUm;
								double z = (k - cz + (c + 0.5) / s - 0.5) * voxelUm;
								sum += mu(x, y, z);
							}
					slice[j * width + i] = (float) (sum * norm);
				}
		});
		return v;
	}
}
