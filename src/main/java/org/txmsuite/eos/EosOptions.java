package org.txmsuite.eos;

import java.util.Arrays;
import java.util.Locale;

import org.txmsuite.core.TxmException;

/** What to fit: model, weighting, fixed parameters, starting values, pressure range and cycle limit. */
public final class EosOptions {
	/** How residuals in pressure are weighted. */
	public enum Weighting {
		/** Unit weights; esds from the residual scatter (chi2 of unit weights). */
		NONE("none"),
		/** sigma = sigP. */
		SIGMA_P("sigma-p"),
		/** sigma^2 = sigP^2 + (K(V)/V sigV)^2, recomputed every cycle (EosFit7). */
		EFFECTIVE_VARIANCE("effective-variance");

		private final String label;

		Weighting(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public static Weighting parse(String text) {
			String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
			if (t.equals("ev") || t.equals("effective")) return EFFECTIVE_VARIANCE;
			if (t.equals("sigp") || t.equals("sigmap") || t.equals("p")) return SIGMA_P;
			if (t.equals("unweighted") || t.equals("ols")) return NONE;
			for (Weighting w : values()) if (w.label.equals(t)) return w;
			throw new TxmException("weighting '" + text + "' is not known; expected none, sigma-p or effective-variance");
		}
	}

	private EosModel model = EosModel.BM3;
	private Weighting weighting = Weighting.EFFECTIVE_VARIANCE;
	private final double[] fixed = { Double.NaN, Double.NaN, Double.NaN, Double.NaN };
	private final double[] start = { Double.NaN, Double.NaN, Double.NaN, Double.NaN };
	private double pMin = Double.NEGATIVE_INFINITY, pMax = Double.POSITIVE_INFINITY;
	private int maxCycles = 200;

	/** Options from the text a command or macro gives: model label, weighting label, fixed values (may be empty). */
	public static EosOptions of(String model, String weighting, String fixed) {
		return new EosOptions().model(EosModel.parse(model)).weighting(Weighting.parse(weighting)).fixed(fixed);
	}

	/** Restricts to one pressure range given as text ("min-max" in GPa, see {@link EosFitter#parseRanges}); empty: all data. */
	public EosOptions pressureRange(String range) {
		if (range == null || range.isBlank()) return this;
		double[][] r = EosFitter.parseRanges(range);
		if (r.length != 1)
			throw new TxmException("pressure range '" + range + "' holds " + r.length + " ranges; expected one (use Fit Equation of State Segments for several)");
		return pressureRange(r[0][0], r[0][1]);
	}

	public EosOptions model(EosModel m) {
		model = m;
		return this;
	}

	public EosOptions weighting(Weighting w) {
		weighting = w;
		return this;
	}

	/** Fixes parameter i ({@link EosModel#V0} ...) at value; NaN makes it free again. */
	public EosOptions fix(int i, double value) {
		fixed[i] = value;
		return this;
	}

	/** Starting value of parameter i; NaN: from the data (V0 at the lowest pressure, K0 from the slope, Kp 4). */
	public EosOptions start(int i, double value) {
		start[i] = value;
		return this;
	}

	/** Fits only data with pMin &le; P &le; pMax (GPa). */
	public EosOptions pressureRange(double min, double max) {
		if (!(min <= max)) throw new TxmException("pressure range: minimum " + min + " is above maximum " + max);
		pMin = min;
		pMax = max;
		return this;
	}

	public EosOptions maxCycles(int n) {
		if (n < 1) throw new TxmException("max cycles is " + n + ", expected at least 1");
		maxCycles = n;
		return this;
	}

	/**
	 * Fixes parameters from text such as {@code "V0=11.81, Kp=4"} (names V0, K0, Kp or K', Kpp or K'';
	 * separated by commas, semicolons or spaces). Empty text fixes nothing.
	 */
	public EosOptions fixed(String text) {
		if (text == null || text.isBlank()) return this;
		for (String item : text.trim().split("[,;\\s]+")) {
			if (item.isEmpty()) continue;
			int eq = item.indexOf('=');
			if (eq <= 0) throw new TxmException("fixed values: '" + item + "' is not name=value; expected e.g. V0=11.81, Kp=4");
			int idx = parameterIndex(item.substring(0, eq));
			try {
				fix(idx, Double.parseDouble(item.substring(eq + 1).trim()));
			}
			catch (NumberFormatException e) {
				throw new TxmException("fixed values: '" + item + "' has no number after '='; expected e.g. V0=11.81");
			}
		}
		return this;
	}

	/** Index of a parameter name: V0, K0, Kp (K', Kprime), Kpp (K'', Kprime2), case-insensitive. */
	public static int parameterIndex(String name) {
		String n = name.trim().toLowerCase(Locale.ROOT);
		switch (n) {
			case "v0": return EosModel.V0;
			case "k0": return EosModel.K0;
			case "kp": case "k'": case "kprime": case "k0p": case "k0'": return EosModel.KP;
			case "kpp": case "k''": case "kprime2": case "k0pp": case "k0''": return EosModel.KPP;
			default:
				throw new TxmException("parameter name '" + name + "' is not known; expected V0, K0, Kp or Kpp");
		}
	}

	public EosModel model() {
		return model;
	}

	public Weighting weighting() {
		return weighting;
	}

	public double[] fixedValues() {
		return fixed.clone();
	}

	public double[] startValues() {
		return start.clone();
	}

	public double pMin() {
		return pMin;
	}

	public double pMax() {
		return pMax;
	}

	public int maxCycles() {
		return maxCycles;
	}

	/** A copy (for segment fits that change the range). */
	public EosOptions copy() {
		EosOptions o = new EosOptions().model(model).weighting(weighting).maxCycles(maxCycles);
		o.pMin = pMin;
		o.pMax = pMax;
		System.arraycopy(fixed, 0, o.fixed, 0, 4);
		System.arraycopy(start, 0, o.start, 0, 4);
		return o;
	}

	@Override
	public String toString() {
		return model + " " + weighting.label() + " fixed=" + Arrays.toString(fixed) + " P " + pMin + ".." + pMax;
	}
}
