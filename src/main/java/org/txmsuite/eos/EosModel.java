package org.txmsuite.eos;

import java.util.Locale;

import org.txmsuite.core.TxmException;

/**
 * Isothermal equations of state P(V) and their bulk moduli K(V) = -V dP/dV, in the forms and
 * truncations of EosFit7 / CrysFML (Angel, Alvaro &amp; Gonzalez-Platas 2014, Z. Kristallogr. 229, 405).
 * <p>
 * Parameters are always handled as {@code {V0, K0, Kp, Kpp}}. A 2nd-order form fixes Kp at its implied
 * value (4 for Birch-Murnaghan and Tait, 1 for Vinet, 2 for natural strain) and a 2nd- or 3rd-order form
 * sets Kpp to its implied value from K0 and Kp; {@link #complete(double[])} applies both. Pressure is in
 * the units of K0 (GPa by convention), volume in any unit (V0's).
 */
public enum EosModel {
	MURNAGHAN("Murnaghan", Family.MURNAGHAN, 3),
	BM2("BM2", Family.BIRCH_MURNAGHAN, 2),
	BM3("BM3", Family.BIRCH_MURNAGHAN, 3),
	BM4("BM4", Family.BIRCH_MURNAGHAN, 4),
	VINET2("Vinet2", Family.VINET, 2),
	VINET3("Vinet3", Family.VINET, 3),
	NS2("NS2", Family.NATURAL_STRAIN, 2),
	NS3("NS3", Family.NATURAL_STRAIN, 3),
	NS4("NS4", Family.NATURAL_STRAIN, 4),
	TAIT2("Tait2", Family.TAIT, 2),
	TAIT3("Tait3", Family.TAIT, 3),
	TAIT4("Tait4", Family.TAIT, 4);

	/** Index of each parameter in a parameter vector. */
	public static final int V0 = 0, K0 = 1, KP = 2, KPP = 3;

	/** Parameter names as written in tables: V0, K0, Kp, Kpp. */
	public static final String[] NAMES = { "V0", "K0", "Kp", "Kpp" };

	enum Family { MURNAGHAN, BIRCH_MURNAGHAN, VINET, NATURAL_STRAIN, TAIT }

	private final String label;
	private final Family family;
	private final int order;

	EosModel(String label, Family family, int order) {
		this.label = label;
		this.family = family;
		this.order = order;
	}

	/** The name used in tables and command choices, e.g. {@code BM3}, {@code Vinet3}. */
	public String label() {
		return label;
	}

	/** Truncation order: 2 (K0 refined), 3 (and Kp), 4 (and Kpp); Murnaghan counts as 3. */
	public int order() {
		return order;
	}

	/** Every label, for command choices. */
	public static String[] labels() {
		EosModel[] v = values();
		String[] out = new String[v.length];
		for (int i = 0; i < v.length; i++) out[i] = v[i].label;
		return out;
	}

	/** A model by label, case-insensitive; {@code Vinet}, {@code NS}, {@code Tait} and {@code BM} mean the 3rd order. */
	public static EosModel parse(String text) {
		String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
		switch (t) {
			case "vinet": return VINET3;
			case "ns": case "naturalstrain": case "poiriertarantola": return NS3;
			case "tait": return TAIT3;
			case "bm": case "birchmurnaghan": return BM3;
			default:
		}
		for (EosModel m : values()) if (m.label.equalsIgnoreCase(t)) return m;
		throw new TxmException("model '" + text + "' is not known; expected one of " + String.join(", ", labels()));
	}

	/** True when parameter {@code i} is refined by this model (before any user fixing). */
	public boolean refines(int i) {
		if (i == KPP) return order == 4;
		if (i == KP) return order >= 3;
		return true;
	}

	/** The Kp a 2nd-order form fixes (NaN for 3rd/4th order and Murnaghan). */
	public double impliedKp() {
		if (order != 2) return Double.NaN;
		switch (family) {
			case VINET: return 1;
			case NATURAL_STRAIN: return 2;
			default: return 4;
		}
	}

	/** The Kpp a 2nd/3rd-order truncation implies for given K0 and Kp (0 for Murnaghan, which has none). */
	public double impliedKpp(double k0, double kp) {
		switch (family) {
			case MURNAGHAN: return 0;
			case BIRCH_MURNAGHAN: return -((kp - 3) * (kp - 4) + 35.0 / 9) / k0;
			case VINET: return -((kp / 2) * (kp / 2) + kp / 2 - 19.0 / 36) / k0;
			case NATURAL_STRAIN: return -(1 + (kp - 2) + (kp - 2) * (kp - 2)) / k0;
			default: return -kp / k0;
		}
	}

	/** Sets the values this model implies (Kp for 2nd order, Kpp for 2nd/3rd order) in place; returns p. */
	public double[] complete(double[] p) {
		if (order == 2) p[KP] = impliedKp();
		if (order <= 3) p[KPP] = impliedKpp(p[K0], p[KP]);
		return p;
	}

	/** Pressure at volume v for complete parameters p (NaN outside the form's domain). */
	public double pressure(double v, double[] p) {
		double v0 = p[V0], k0 = p[K0], kp = p[KP], kpp = p[KPP];
		switch (family) {
			case MURNAGHAN:
				return k0 / kp * (Math.pow(v0 / v, kp) - 1);
			case BIRCH_MURNAGHAN: {
				double f = (Math.pow(v0 / v, 2.0 / 3) - 1) / 2;
				return 3 * k0 * f * Math.pow(1 + 2 * f, 2.5) * bmPoly(f, k0, kp, kpp);
			}
			case VINET: {
				double x = Math.cbrt(v / v0);
				return 3 * k0 * (1 - x) / (x * x) * Math.exp(1.5 * (kp - 1) * (1 - x));
			}
			case NATURAL_STRAIN: {
				double f = Math.log(v0 / v) / 3;
				return 3 * k0 * (v0 / v) * f * nsPoly(f, k0, kp, kpp);
			}
			default: {
				double[] abc = tait(k0, kp, kpp);
				double base = (v / v0 - 1 + abc[0]) / abc[0];
				if (!(base > 0)) return Double.NaN;
				return (Math.pow(base, -1 / abc[2]) - 1) / abc[1];
			}
		}
	}

	/** Isothermal bulk modulus K = -V dP/dV at volume v for complete parameters p. */
	public double bulkModulus(double v, double[] p) {
		double v0 = p[V0], k0 = p[K0], kp = p[KP], kpp = p[KPP];
		switch (family) {
			case MURNAGHAN:
				return k0 * Math.pow(v0 / v, kp);
			case BIRCH_MURNAGHAN: {
				double f = (Math.pow(v0 / v, 2.0 / 3) - 1) / 2, g = 1 + 2 * f;
				double a = 1.5 * (kp - 4), b = 1.5 * (k0 * kpp + (kp - 4) * (kp - 3) + 35.0 / 9);
				double poly = 1 + a * f + b * f * f, dpoly = a + 2 * b * f;
				double dPdf = 3 * k0 * (Math.pow(g, 2.5) * poly + 5 * f * Math.pow(g, 1.5) * poly + f * Math.pow(g, 2.5) * dpoly);
				return g / 3 * dPdf; // df/dV = -(1+2f)/(3V)
			}
			case VINET: {
				double x = Math.cbrt(v / v0), eta = 1.5 * (kp - 1);
				return k0 / (x * x) * Math.exp(eta * (1 - x)) * (2 - x + eta * x * (1 - x));
			}
			case NATURAL_STRAIN: {
				double f = Math.log(v0 / v) / 3;
				double a = 1.5 * (kp - 2), b = 1.5 * (1 + k0 * kpp + (kp - 2) + (kp - 2) * (kp - 2));
				double poly = 1 + a * f + b * f * f, dpoly = a + 2 * b * f;
				return k0 * (v0 / v) * (3 * f * poly + poly + f * dpoly); // df/dV = -1/(3V)
			}
			default: {
				double[] abc = tait(k0, kp, kpp);
				double s = 1 + abc[1] * pressure(v, p);
				return k0 * s * (abc[0] + (1 - abc[0]) * Math.pow(s, abc[2]));
			}
		}
	}

	private static double bmPoly(double f, double k0, double kp, double kpp) {
		return 1 + 1.5 * (kp - 4) * f + 1.5 * (k0 * kpp + (kp - 4) * (kp - 3) + 35.0 / 9) * f * f;
	}

	private static double nsPoly(double f, double k0, double kp, double kpp) {
		return 1 + 1.5 * (kp - 2) * f + 1.5 * (1 + k0 * kpp + (kp - 2) + (kp - 2) * (kp - 2)) * f * f;
	}

	/** Tait a, b, c (Holland &amp; Powell 2011 form). */
	private static double[] tait(double k0, double kp, double kpp) {
		double a = (1 + kp) / (1 + kp + k0 * kpp);
		double b = kp / k0 - kpp / (1 + kp);
		double c = (1 + kp + k0 * kpp) / (kp * kp + kp - k0 * kpp);
		return new double[] { a, b, c };
	}

	/**
	 * Volume at pressure P (bisection on the monotonic P(V) between 0.3 V0 and 1.1 V0; NaN if P is out of
	 * that range). Used for plotting curves and tests, not in fitting.
	 */
	public double volume(double pressure, double[] p) {
		double lo = 0.3 * p[V0], hi = 1.1 * p[V0];
		double plo = pressure(lo, p), phi = pressure(hi, p);
		if (!(plo >= pressure) || !(phi <= pressure)) return Double.NaN;
		for (int i = 0; i < 200 && hi - lo > 1e-15 * p[V0]; i++) {
			double mid = 0.5 * (lo + hi), pm = pressure(mid, p);
			if (Double.isNaN(pm) || pm > pressure) lo = mid;
			else hi = mid;
		}
		return 0.5 * (lo + hi);
	}

	@Override
	public String toString() {
		return label;
	}
}
