package org.txmsuite.eos;

/**
 * F-f analysis: Eulerian strain f_E = ((V0/V)^(2/3) - 1)/2 and normalized pressure
 * F_E = P / [3 f_E (1+2f_E)^(5/2)], with esds propagated from sigma_V, sigma_V0 and sigma_P (Heinz &amp;
 * Jeanloz 1984; Angel 2000, Rev. Mineral. Geochem. 41, 35). For a BM3 EOS F_E is a straight line
 * K0 + 3/2 K0 (K'-4) f_E, so the plot shows directly whether K' = 4 (flat), and whether a higher order is
 * needed (curvature). Points at V0 (|f_E| below 1e-5) or at P &le; 0 have no meaningful F_E: NaN.
 */
public final class FfAnalysis {
	private final double[] f, sigF, bigF, sigBigF;

	/** F-f of the fit's data, with V0 and its esd from the fit. */
	public FfAnalysis(EosFit fit) {
		EosData d = fit.data();
		int n = d.size();
		double v0 = fit.value(EosModel.V0), sv0 = fit.esd(EosModel.V0);
		f = new double[n];
		sigF = new double[n];
		bigF = new double[n];
		sigBigF = new double[n];
		for (int i = 0; i < n; i++) {
			double eta = d.volume(i) / v0;
			double sEta = eta * Math.hypot(d.sigmaV(i) / d.volume(i), sv0 / v0);
			f[i] = strain(d.volume(i), v0);
			sigF[i] = Math.pow(eta, -5.0 / 3) * sEta / 3;
			if (Math.abs(f[i]) < 1e-5 || !(d.pressure(i) > 0)) {
				bigF[i] = sigBigF[i] = Double.NaN;
				continue;
			}
			double p = d.pressure(i);
			bigF[i] = normalizedPressure(p, f[i]);
			double e23 = Math.pow(eta, -2.0 / 3);
			double dlnF = (7 * e23 - 5) / (3 * eta * (e23 - 1)) * sEta;
			double relP = p != 0 ? d.sigmaP(i) / p : 0;
			sigBigF[i] = Math.abs(bigF[i]) * Math.hypot(relP, dlnF);
		}
	}

	/** Eulerian finite strain at volume v. */
	public static double strain(double v, double v0) {
		return (Math.pow(v0 / v, 2.0 / 3) - 1) / 2;
	}

	/** Normalized pressure at strain f. */
	public static double normalizedPressure(double p, double f) {
		return p / (3 * f * Math.pow(1 + 2 * f, 2.5));
	}

	public int size() {
		return f.length;
	}

	public double f(int i) {
		return f[i];
	}

	public double sigmaF(int i) {
		return sigF[i];
	}

	/** Normalized pressure F_E (GPa); NaN at V0. */
	public double normalizedPressure(int i) {
		return bigF[i];
	}

	public double sigmaNormalizedPressure(int i) {
		return sigBigF[i];
	}
}
