package org.txmsuite.xanes;

import java.util.Arrays;

/**
 * Spectra on one energy grid: energies in eV (strictly increasing), one named spectrum per column.
 * Values are kept in double precision, {@code values[s][e]}.
 */
public final class SpectrumTable {
	private final double[] energiesEv;
	private final String[] names;
	private final double[][] values;
	private final String source;

	public SpectrumTable(String source, double[] energiesEv, String[] names, double[][] values) {
		if (names.length != values.length)
			throw new IllegalArgumentException(names.length + " names for " + values.length + " spectra");
		for (double[] v : values)
			if (v.length != energiesEv.length)
				throw new IllegalArgumentException("spectrum of " + v.length + " points on a grid of " + energiesEv.length);
		this.source = source == null ? "" : source;
		this.energiesEv = energiesEv.clone();
		this.names = names.clone();
		this.values = values;
	}

	public String source() { return source; }
	public int size() { return names.length; }
	public int energyCount() { return energiesEv.length; }
	public double[] energiesEv() { return energiesEv.clone(); }
	public String name(int s) { return names[s]; }
	public String[] names() { return names.clone(); }
	public double[] spectrum(int s) { return values[s]; }

	/** One spectrum as a table of its own. */
	public SpectrumTable select(int s) {
		return new SpectrumTable(source, energiesEv, new String[] { names[s] }, new double[][] { values[s] });
	}

	/** The spectrum linearly interpolated onto another grid (NaN outside this grid's range). */
	public double[] interpolate(int s, double[] grid) {
		double[] v = values[s], out = new double[grid.length];
		for (int i = 0; i < grid.length; i++) {
			double x = grid[i];
			if (x < energiesEv[0] || x > energiesEv[energiesEv.length - 1]) { out[i] = Double.NaN; continue; }
			int j = Arrays.binarySearch(energiesEv, x);
			if (j >= 0) { out[i] = v[j]; continue; }
			int hi = -j - 1, lo = hi - 1;
			double t = (x - energiesEv[lo]) / (energiesEv[hi] - energiesEv[lo]);
			out[i] = v[lo] + t * (v[hi] - v[lo]);
		}
		return out;
	}
}
