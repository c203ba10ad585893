package org.txmsuite.sim;

/**
 * Model K-edge absorption spectra (normalized: pre-edge 0, post-edge 1) for simulations: an arctangent
 * edge step at E0 plus a Lorentzian whiteline above it and a gentle post-edge oscillation.
 * {@link #nickel2plus()} and {@link #nickel3plus()} mimic NiO-like and LiNiO2-like Ni K-edges (the
 * higher oxidation state has its edge about 2 eV higher).
 */
public final class ModelSpectra {
	private final double e0, edgeWidth, wlOffset, wlHeight, wlWidth;

	public ModelSpectra(double e0Ev, double edgeWidthEv, double whitelineOffsetEv, double whitelineHeight, double whitelineWidthEv) {
		this.e0 = e0Ev;
		this.edgeWidth = edgeWidthEv;
		this.wlOffset = whitelineOffsetEv;
		this.wlHeight = whitelineHeight;
		this.wlWidth = whitelineWidthEv;
	}

	public static ModelSpectra nickel2plus() {
		return new ModelSpectra(8342.0, 1.5, 8.0, 0.9, 5.0);
	}

	public static ModelSpectra nickel3plus() {
		return new ModelSpectra(8344.0, 1.5, 7.5, 0.6, 6.0);
	}

	/** A Ni metal-like edge: lower E0 (8333 eV), weak whiteline. */
	public static ModelSpectra nickelMetal() {
		return new ModelSpectra(8333.0, 2.0, 14.0, 0.25, 8.0);
	}

	/** Normalized absorption at energy E (eV). */
	public double mu(double e) {
		double step = 0.5 + Math.atan((e - e0) / edgeWidth) / Math.PI;
		double d = (e - e0 - wlOffset) / (wlWidth / 2);
		double wl = wlHeight / (1 + d * d);
		double osc = e > e0 + wlOffset ? 0.05 * Math.sin((e - e0) / 12.0) * Math.exp(-(e - e0) / 150.0) : 0;
		return step + wl * step + osc;
	}

	public double[] mu(double[] energies) {
		double[] m = new double[energies.length];
		for (int i = 0; i < m.length; i++) m[i] = mu(energies[i]);
		return m;
	}

	public double e0Ev() {
		return e0;
	}
}
