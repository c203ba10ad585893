package org.txmsuite.sim;

import java.util.Random;

import org.txmsuite.core.DataState;
import org.txmsuite.core.SpectralStack;

/**
 * A 2D XANES scan of a battery cathode particle: a sphere (thickness map from its chord) made of
 * phase A and phase B in smoothly varying fractions (domains), plus optional compact domains of a
 * minority phase C. Each phase has a normalized spectrum on the scan's energy grid (from reference
 * files or {@link ModelSpectra}). The optical density at a pixel is
 * {@code t(x,y) * (pre + step * sum_k f_k mu_k(E))} with a sloping pre-edge, so per-pixel
 * normalization is needed. Noise is Gaussian with sigma = edge step / SNR per pixel at full thickness.
 */
public final class XanesParticle {
	private final int size;
	private final double[] energies;
	private final double[][] phaseSpectra;
	private final float[] fractionB, fractionC, thickness;
	private long seed = 3;

	/**
	 * @param size image width and height in pixels
	 * @param energies energy grid in eV
	 * @param phaseA normalized spectrum of phase A on the grid
	 * @param phaseB normalized spectrum of phase B
	 * @param phaseC normalized spectrum of the minority phase (null for none)
	 * @param minorityAreaFraction fraction of the particle's area covered by phase C (e.g. 0.02)
	 */
	public XanesParticle(int size, double[] energies, double[] phaseA, double[] phaseB, double[] phaseC,
		double minorityAreaFraction, long seed)
	{
		this.size = size;
		this.energies = energies.clone();
		this.phaseSpectra = new double[][] { phaseA, phaseB, phaseC };
		this.seed = seed;
		this.fractionB = new float[size * size];
		this.fractionC = new float[size * size];
		this.thickness = new float[size * size];
		build(minorityAreaFraction);
	}

	private void build(double minority) {
		Random r = new Random(seed);
		double c = (size - 1) / 2.0, rad = size * 0.42;
		// Phase B fraction: a smooth field of a few Gaussian domains, clipped to [0, 1].
		int nDom = 6;
		double[][] dom = new double[nDom][4];
		for (double[] d : dom) {
			double a = r.nextDouble() * 2 * Math.PI, q = r.nextDouble() * rad * 0.8;
			d[0] = c + q * Math.cos(a);
			d[1] = c + q * Math.sin(a);
			d[2] = rad * (0.2 + 0.25 * r.nextDouble());
			d[3] = r.nextBoolean() ? 1 : -1;
		}
		int inside = 0;
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				double dx = x - c, dy = y - c, rr = dx * dx + dy * dy;
				int i = y * size + x;
				if (rr >= rad * rad) continue;
				inside++;
				thickness[i] = (float) (2 * Math.sqrt(rad * rad - rr) / (2 * rad));
				double f = 0.5;
				for (double[] d : dom) {
					double ex = ((x - d[0]) * (x - d[0]) + (y - d[1]) * (y - d[1])) / (2 * d[2] * d[2]);
					f += 0.45 * d[3] * Math.exp(-ex);
				}
				fractionB[i] = (float) Math.min(1, Math.max(0, f));
			}
		if (phaseSpectra[2] == null || minority <= 0) return;
		// Minority phase: a few compact discs away from the rim, total area ~ minority * particle area.
		double target = minority * inside;
		int placed = 0;
		while (placed < target) {
			double a = r.nextDouble() * 2 * Math.PI, q = r.nextDouble() * rad * 0.6;
			double mx = c + q * Math.cos(a), my = c + q * Math.sin(a), mr = Math.max(1.5, Math.sqrt(target / 3 / Math.PI));
			for (int y = (int) (my - mr - 1); y <= my + mr + 1; y++)
				for (int x = (int) (mx - mr - 1); x <= mx + mr + 1; x++) {
					if (x < 0 || y < 0 || x >= size || y >= size || placed >= target) continue;
					int i = y * size + x;
					if (thickness[i] > 0 && fractionC[i] == 0 && (x - mx) * (x - mx) + (y - my) * (y - my) <= mr * mr) {
						fractionC[i] = 1;
						placed++;
					}
				}
		}
	}

	/** True fraction of phase B (of the A+B part) per pixel; 0 outside the particle. */
	public float[] fractionB() { return fractionB; }

	/** 1 where the minority phase C is, else 0. */
	public float[] minorityMask() { return fractionC; }

	/** Relative thickness (0..1) per pixel; 0 outside the particle. */
	public float[] thickness() { return thickness; }

	/**
	 * The scan as optical density (absorbance) over energy, with an edge step of {@code edgeStep} at
	 * full thickness, a sloping pre-edge, and Gaussian noise at per-pixel SNR {@code snr} (0 = none).
	 */
	public SpectralStack absorbance(double edgeStep, double snr) {
		int nE = energies.length;
		float[][] planes = new float[nE][size * size];
		Random r = new Random(seed + 11);
		double sigma = snr > 0 ? edgeStep / snr : 0;
		double e0 = energies[0];
		for (int e = 0; e < nE; e++) {
			double pre = 0.3 * edgeStep * (1 - 0.0004 * (energies[e] - e0));
			float[] p = planes[e];
			for (int i = 0; i < p.length; i++) {
				double t = thickness[i];
				double m;
				if (fractionC[i] > 0) m = phaseSpectra[2][e];
				else m = (1 - fractionB[i]) * phaseSpectra[0][e] + fractionB[i] * phaseSpectra[1][e];
				p[i] = (float) (t * (pre + edgeStep * m) + (sigma > 0 ? r.nextGaussian() * sigma : 0));
			}
		}
		return new SpectralStack(size, size, 1, energies, planes).state(DataState.ABSORBANCE);
	}
}
