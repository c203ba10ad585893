package org.txmsuite.acquire;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.txmsuite.core.TxmException;

/**
 * Energy lists for XANES from region specifications such as {@code 8200:8320:5,8320:8360:0.5,8360:8500:5}
 * (coarse pre-edge, fine edge, coarse post-edge): each region {@code start:end:step} contributes
 * start, start+step, ... up to end (included when it falls on the grid); single values are taken as
 * they are. Energies are rounded to 1 meV, sorted ascending, and shared region boundaries counted once.
 */
public final class EnergyRegions {
	private EnergyRegions() {}

	public static double[] parse(String spec) {
		if (spec == null || spec.isBlank()) throw new TxmException("energies: no energies given; expected regions like 8200:8320:5,8320:8360:0.5");
		TreeSet<Double> out = new TreeSet<>();
		for (String part : spec.split("[,;\\s]+")) {
			if (part.isEmpty()) continue;
			String[] f = part.split(":");
			if (f.length == 1) out.add(round(positive(f[0], part)));
			else if (f.length == 3) {
				double a = positive(f[0], part), b = positive(f[1], part), step = num(f[2], part);
				if (!(b > a)) throw new TxmException("energies: region '" + part + "' ends (" + f[1] + " eV) before it starts (" + f[0] + " eV)");
				if (!(step > 0)) throw new TxmException("energies: region '" + part + "' has step " + f[2] + " eV; expected a step > 0");
				long n = (long) Math.floor((b - a) / step + 1e-9);
				if (n > 1_000_000) throw new TxmException("energies: region '" + part + "' has " + n + " points; expected fewer than a million");
				for (long i = 0; i <= n; i++) out.add(round(a + i * step));
			}
			else throw new TxmException("energies: '" + part + "' is not an energy or a start:end:step region (eV)");
		}
		double[] e = new double[out.size()];
		int i = 0;
		for (double v : out) e[i++] = v;
		return e;
	}

	/** The same energies as a compact region text (for headers): runs of equal steps joined. */
	public static String describe(double[] e) {
		List<String> parts = new ArrayList<>();
		int i = 0;
		while (i < e.length) {
			int j = i + 1;
			if (j < e.length) {
				double step = e[j] - e[i];
				while (j + 1 < e.length && Math.abs(e[j + 1] - e[j] - step) < 1e-6) j++;
				if (j - i >= 2) {
					parts.add(MacroCommand.number(e[i]) + ":" + MacroCommand.number(e[j]) + ":" + MacroCommand.number(round(step)));
					i = j + 1;
					continue;
				}
			}
			parts.add(MacroCommand.number(e[i]));
			i++;
		}
		return String.join(",", parts);
	}

	static double round(double ev) {
		return Math.round(ev * 1000) / 1000.0;
	}

	private static double positive(String t, String part) {
		double v = num(t, part);
		if (!(v > 0)) throw new TxmException("energies: '" + t + "' in '" + part + "' must be a positive energy in eV");
		return v;
	}

	private static double num(String t, String part) {
		try {
			double v = Double.parseDouble(t.strip());
			if (Double.isFinite(v)) return v;
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new TxmException("energies: '" + t + "' in '" + part + "' is not a number");
	}
}
