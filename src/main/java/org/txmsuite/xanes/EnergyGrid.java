package org.txmsuite.xanes;

import java.util.Locale;

import org.txmsuite.core.TxmException;

/** Checks of an energy grid before any spectrum is processed on it. */
public final class EnergyGrid {
	/** Fewest energies a spectrum may have: a pre-edge line, an edge and a post-edge curve need them. */
	public static final int MIN_ENERGIES = 10;

	private EnergyGrid() {}

	/**
	 * Energies below this many eV are taken to be keV (no absorption edge used in TXM lies below 100 eV,
	 * and no hard X-ray energy exceeds 100 keV).
	 */
	public static final double KEV_LIMIT = 100;

	/** Converts keV to eV in place when the largest energy is below {@link #KEV_LIMIT}; returns true if it did. */
	public static boolean toEv(double[] e) {
		double max = Double.NEGATIVE_INFINITY;
		for (double v : e) max = Math.max(max, v);
		if (!(max < KEV_LIMIT)) return false;
		for (int i = 0; i < e.length; i++) e[i] *= 1000;
		return true;
	}

	/** Throws a {@link TxmException} naming {@code what} unless the grid is finite, strictly increasing and long enough. */
	public static void check(double[] e, String what) {
		if (e.length < MIN_ENERGIES)
			throw new TxmException(what + " has " + e.length + " energies; at least " + MIN_ENERGIES
				+ " are needed for a pre-edge line, an edge and a post-edge curve");
		for (int i = 0; i < e.length; i++) {
			if (!Double.isFinite(e[i]))
				throw new TxmException(what + ": energy " + (i + 1) + " is " + e[i] + "; expected a finite energy in eV or keV");
			if (i > 0 && e[i] == e[i - 1])
				throw new TxmException(what + ": energy " + fmt(e[i]) + " eV appears twice (points " + i + " and " + (i + 1)
					+ "); expected each energy once");
			if (i > 0 && e[i] < e[i - 1])
				throw new TxmException(what + ": energies are not sorted (point " + (i + 1) + " = " + fmt(e[i])
					+ " eV after " + fmt(e[i - 1]) + " eV); expected increasing energies");
		}
	}

	static String fmt(double v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}
}
