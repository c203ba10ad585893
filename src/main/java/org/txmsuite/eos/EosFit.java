package org.txmsuite.eos;

/**
 * A converged equation-of-state fit: parameters {V0, K0, Kp, Kpp} with esds, their status (refined, fixed
 * by the user or the model, implied by the truncation), the scaled covariance and correlation, chi2_w,
 * and per-point calculated pressures, residuals and sigmas.
 */
public final class EosFit {
	/** How a parameter got its value. */
	public enum Status { REFINED, FIXED, IMPLIED }

	private final EosModel model;
	private final EosOptions.Weighting weighting;
	private final EosData data;
	private final double[] params, esd;
	private final Status[] status;
	private final double[][] covariance;
	private final double chi2w;
	private final int nFree, cycles;
	private final double[] pCalc, sigma;

	EosFit(EosModel model, EosOptions.Weighting weighting, EosData data, double[] params, double[] esd, Status[] status,
		double[][] covariance, double chi2w, int nFree, int cycles, double[] pCalc, double[] sigma)
	{
		this.model = model;
		this.weighting = weighting;
		this.data = data;
		this.params = params;
		this.esd = esd;
		this.status = status;
		this.covariance = covariance;
		this.chi2w = chi2w;
		this.nFree = nFree;
		this.cycles = cycles;
		this.pCalc = pCalc;
		this.sigma = sigma;
	}

	public EosModel model() {
		return model;
	}

	public EosOptions.Weighting weighting() {
		return weighting;
	}

	/** The data fitted (after the pressure range was applied). */
	public EosData data() {
		return data;
	}

	/** {V0, K0, Kp, Kpp}; Kpp is the implied value for 2nd/3rd-order forms (0 for Murnaghan). */
	public double[] parameters() {
		return params.clone();
	}

	public double value(int i) {
		return params[i];
	}

	/**
	 * esd of each parameter: sqrt of the scaled covariance diagonal (0 for fixed values; for implied Kpp
	 * the esd propagated from K0 and Kp).
	 */
	public double esd(int i) {
		return esd[i];
	}

	public Status status(int i) {
		return status[i];
	}

	/**
	 * 4x4 covariance of {V0, K0, Kp, Kpp}, scaled by max(1, chi2_w) for weighted fits (by the residual
	 * variance for unweighted fits). Rows of fixed parameters are 0; implied Kpp is propagated.
	 */
	public double[][] covariance() {
		double[][] c = new double[4][];
		for (int i = 0; i < 4; i++) c[i] = covariance[i].clone();
		return c;
	}

	/** Correlation matrix (NaN where a parameter has no variance, 1 on the diagonal otherwise). */
	public double[][] correlation() {
		double[][] r = new double[4][4];
		for (int i = 0; i < 4; i++)
			for (int j = 0; j < 4; j++) {
				double d = Math.sqrt(covariance[i][i] * covariance[j][j]);
				r[i][j] = d > 0 ? covariance[i][j] / d : Double.NaN;
			}
		return r;
	}

	/**
	 * Weighted chi2 per degree of freedom, sum(w r^2)/(n - free). For unweighted fits this is the residual
	 * variance in GPa^2 (unit weights).
	 */
	public double chi2w() {
		return chi2w;
	}

	public int n() {
		return data.size();
	}

	public int freeParameters() {
		return nFree;
	}

	/** Least-squares cycles used (unweighted start plus weighted cycles). */
	public int cycles() {
		return cycles;
	}

	/** P calculated from the fit at each observed volume. */
	public double pCalc(int i) {
		return pCalc[i];
	}

	/** P_obs - P_calc. */
	public double residual(int i) {
		return data.pressure(i) - pCalc[i];
	}

	/** The sigma in pressure used to weight point i (1 for unweighted fits). */
	public double sigma(int i) {
		return sigma[i];
	}

	/** Root-mean-square of the pressure residuals. */
	public double rmsP() {
		double s = 0;
		for (int i = 0; i < n(); i++) s += residual(i) * residual(i);
		return Math.sqrt(s / n());
	}

	/** Bulk modulus of the fitted EOS at volume v. */
	public double bulkModulus(double v) {
		return model.bulkModulus(v, params);
	}

	/** Pressure of the fitted EOS at volume v. */
	public double pressure(double v) {
		return model.pressure(v, params);
	}

	@Override
	public String toString() {
		StringBuilder b = new StringBuilder(model + " " + weighting.label() + ":");
		for (int i = 0; i < 4; i++)
			b.append(' ').append(EosModel.NAMES[i]).append('=').append(params[i]).append('(').append(esd[i]).append(')');
		return b.append(" chi2w=").append(chi2w).append(" n=").append(n()).toString();
	}
}
