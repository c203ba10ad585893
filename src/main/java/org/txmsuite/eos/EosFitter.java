package org.txmsuite.eos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/**
 * Weighted non-linear least squares of an equation of state to P-V data, as EosFit7 does it: residuals
 * in pressure, P_obs - P(V_obs); Levenberg-Marquardt cycles; an unweighted fit first, then the weights
 * (sigma_P, or the effective variance sigma^2 = sigma_P^2 + (K(V)/V sigma_V)^2) recomputed from the current
 * parameters every cycle until parameters and weights agree. Esds come from (J^T W J)^-1 scaled by
 * max(1, chi2_w); for unit weights by the residual variance.
 */
public final class EosFitter {
	private static final double STEP_TOL = 1e-6; // parameter change / esd below which a cycle has converged

	private EosFitter() {}

	/** Fits one model to the data in the options' pressure range. */
	public static EosFit fit(EosData all, EosOptions o, Progress progress) {
		Progress prog = progress == null ? Progress.NONE : progress;
		EosData data = Double.isInfinite(o.pMin()) && Double.isInfinite(o.pMax()) ? all : all.range(o.pMin(), o.pMax());
		return new Run(data, o, prog).fit();
	}

	/**
	 * Fits the same model separately over each pressure range (for a material whose compressibility
	 * changes, e.g. below 10 GPa and above 13 GPa). ranges[k] = {pMin, pMax}.
	 */
	public static List<EosFit> fitSegments(EosData all, EosOptions o, double[][] ranges, Progress progress) {
		List<EosFit> out = new ArrayList<>();
		for (int k = 0; k < ranges.length; k++) {
			EosOptions ok = o.copy().pressureRange(ranges[k][0], ranges[k][1]);
			try {
				out.add(fit(all, ok, progress));
			}
			catch (TxmException e) {
				throw new TxmException("segment " + (k + 1) + " (" + ranges[k][0] + " to " + ranges[k][1] + " GPa): "
					+ e.getMessage(), e);
			}
		}
		return out;
	}

	/**
	 * Parses ranges such as {@code "0-10; 13-40"} or {@code "0:10, 13:40"} (GPa; a range is two numbers
	 * separated by '-', ':' or "to"; ranges separated by ';' or ','). Negative numbers need ':' or "to".
	 */
	public static double[][] parseRanges(String text) {
		if (text == null || text.isBlank()) throw new TxmException("pressure ranges: none given; expected e.g. 0-10; 13-40");
		List<double[]> out = new ArrayList<>();
		for (String r : text.trim().split("[;,]")) {
			String s = r.trim();
			if (s.isEmpty()) continue;
			String[] ab = s.contains(":") ? s.split(":") : s.contains("to") ? s.split("to") : s.split("(?<=[0-9.])-", 2);
			try {
				if (ab.length != 2) throw new NumberFormatException();
				double a = Double.parseDouble(ab[0].trim()), b = Double.parseDouble(ab[1].trim());
				if (!(a < b)) throw new TxmException("pressure range '" + s + "': minimum must be below maximum");
				out.add(new double[] { a, b });
			}
			catch (NumberFormatException e) {
				throw new TxmException("pressure range '" + s + "' is not min-max in GPa; expected e.g. 0-10; 13-40");
			}
		}
		if (out.isEmpty()) throw new TxmException("pressure ranges '" + text + "': none found; expected e.g. 0-10; 13-40");
		return out.toArray(new double[0][]);
	}

	/** One fit: state and the cycle loop. */
	private static final class Run {
		final EosData d;
		final EosOptions o;
		final EosModel m;
		final Progress prog;
		final int n;
		final int[] free;
		final double[] p;
		final EosFit.Status[] status = new EosFit.Status[4];
		final double[] sigma;
		int cycles;

		Run(EosData d, EosOptions o, Progress prog) {
			this.d = d;
			this.o = o;
			this.m = o.model();
			this.prog = prog;
			this.n = d.size();
			this.sigma = new double[n];
			double[] fixed = o.fixedValues();
			if (d.relative() && Double.isNaN(fixed[EosModel.V0])) fixed[EosModel.V0] = 1;
			if (!Double.isNaN(fixed[EosModel.KP]) && m.order() == 2)
				throw new TxmException("Kp is fixed at " + m.impliedKp() + " by the 2nd-order " + m
					+ "; choose the 3rd order to fix Kp at " + fixed[EosModel.KP]);
			if (!Double.isNaN(fixed[EosModel.KPP]) && m.order() < 4)
				throw new TxmException("Kpp is implied by " + m + " (not a parameter); choose a 4th-order model to fix Kpp");
			List<Integer> f = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				if (!m.refines(i)) status[i] = EosFit.Status.IMPLIED;
				else if (!Double.isNaN(fixed[i])) status[i] = EosFit.Status.FIXED;
				else {
					status[i] = EosFit.Status.REFINED;
					f.add(i);
				}
			}
			if (m.order() == 2) status[EosModel.KP] = EosFit.Status.FIXED;
			free = f.stream().mapToInt(Integer::intValue).toArray();
			if (n <= free.length)
				throw new TxmException(m + " fit has " + free.length + " free parameters and needs more data points than that; got "
					+ n + (Double.isInfinite(o.pMin()) && Double.isInfinite(o.pMax()) ? "" : " in " + o.pMin() + " to " + o.pMax() + " GPa"));
			p = startValues(fixed);
			checkSigmas();
		}

		private double[] startValues(double[] fixed) {
			double[] s = o.startValues(), q = new double[4];
			int lo = 0;
			for (int i = 1; i < n; i++) if (d.pressure(i) < d.pressure(lo)) lo = i;
			q[EosModel.V0] = pick(fixed[0], s[0], d.volume(lo));
			q[EosModel.K0] = pick(fixed[1], s[1], slopeK0(q[EosModel.V0]));
			q[EosModel.KP] = pick(fixed[2], s[2], 4);
			m.complete(q);
			q[EosModel.KPP] = pick(fixed[3], s[3], q[EosModel.KPP]);
			if (m.order() == 4) q[EosModel.KPP] = pick(fixed[3], s[3], EosModel.values()[m.ordinal() - 1].impliedKpp(q[1], q[2]));
			return q;
		}

		private static double pick(double fixed, double start, double auto) {
			return !Double.isNaN(fixed) ? fixed : !Double.isNaN(start) ? start : auto;
		}

		/** K0 from a straight line of ln V against P through the lower-pressure half of the data. */
		private double slopeK0(double v0) {
			double[] ps = new double[n];
			for (int i = 0; i < n; i++) ps[i] = d.pressure(i);
			double[] sorted = ps.clone();
			java.util.Arrays.sort(sorted);
			double pCut = sorted[Math.max(1, (n - 1) / 2)];
			double sx = 0, sy = 0, sxx = 0, sxy = 0;
			int k = 0;
			for (int i = 0; i < n; i++) {
				if (ps[i] > pCut) continue;
				double x = ps[i], y = Math.log(d.volume(i) / v0);
				sx += x;
				sy += y;
				sxx += x * x;
				sxy += x * y;
				k++;
			}
			double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
			double k0 = -1 / slope;
			return Double.isFinite(k0) && k0 > 0 ? k0 : 100;
		}

		private void checkSigmas() {
			for (int i = 0; i < n; i++) {
				if (o.weighting() == EosOptions.Weighting.SIGMA_P && !(d.sigmaP(i) > 0))
					throw new TxmException("weighting sigma-p needs sigP > 0 on every point; row " + d.row(i) + " has sigP = "
						+ d.sigmaP(i) + " (use effective-variance or none)");
				if (o.weighting() == EosOptions.Weighting.EFFECTIVE_VARIANCE && !(d.sigmaP(i) > 0) && !(d.sigmaV(i) > 0))
					throw new TxmException("weighting effective-variance needs sigP or sigV > 0 on every point; row " + d.row(i)
						+ " has neither (use none)");
			}
		}

		EosFit fit() {
			updateSigmas(EosOptions.Weighting.NONE);
			iterate(EosOptions.Weighting.NONE);
			if (o.weighting() != EosOptions.Weighting.NONE) iterate(o.weighting());
			return result();
		}

		private void updateSigmas(EosOptions.Weighting w) {
			for (int i = 0; i < n; i++) {
				switch (w) {
					case NONE:
						sigma[i] = 1;
						break;
					case SIGMA_P:
						sigma[i] = d.sigmaP(i);
						break;
					default: {
						double v = d.volume(i), kv = m.bulkModulus(v, p) / v * d.sigmaV(i);
						sigma[i] = Math.sqrt(d.sigmaP(i) * d.sigmaP(i) + kv * kv);
					}
				}
				if (!(sigma[i] > 0)) throw new EosFitException("the weight of row " + d.row(i) + " is undefined (sigma = " + sigma[i]
					+ ") at " + state(), this);
			}
		}

		/** Levenberg-Marquardt cycles; the weights are recomputed from the parameters at the start of each. */
		private void iterate(EosOptions.Weighting w) {
			double lambda = 1e-3;
			int nf = free.length;
			for (int cycle = 1;; cycle++) {
				prog.checkCancelled();
				if (cycle > o.maxCycles())
					throw new EosFitException(m + " " + w.label() + " fit did not converge in " + o.maxCycles() + " cycles; last state: "
						+ state(), this);
				cycles++;
				prog.report(cycle, o.maxCycles(), m + " " + w.label() + " cycle " + cycle);
				updateSigmas(w);
				double s0 = cost(p);
				if (!Double.isFinite(s0))
					throw new EosFitException(m + " is undefined at some data volume for the current parameters; last state: " + state(), this);
				double[][] jac = jacobian(p);
				double[][] a = new double[nf][nf];
				double[] g = new double[nf];
				for (int i = 0; i < n; i++) {
					double wi = 1 / (sigma[i] * sigma[i]), r = d.pressure(i) - m.pressure(d.volume(i), p);
					for (int j = 0; j < nf; j++) {
						g[j] += wi * jac[i][j] * r;
						for (int k = 0; k < nf; k++) a[j][k] += wi * jac[i][j] * jac[i][k];
					}
				}
				double[][] cov = invert(a);
				double[] gn = solve(a, g);
				boolean small = true, tiny = true;
				for (int j = 0; j < nf; j++) {
					double scale = Math.sqrt(Math.max(cov[j][j], 0)) * Math.max(1, Math.sqrt(s0 / (n - nf)));
					if (Math.abs(gn[j]) > STEP_TOL * scale && Math.abs(gn[j]) > 1e-14 * Math.abs(p[free[j]])) small = false;
					if (Math.abs(gn[j]) > 1e-4 * scale) tiny = false;
				}
				if (small) {
					double[] trial = p.clone();
					for (int j = 0; j < nf; j++) trial[free[j]] += gn[j];
					m.complete(trial);
					if (cost(trial) <= s0) System.arraycopy(trial, 0, p, 0, 4);
					return;
				}
				boolean accepted = false;
				double s1 = Double.NaN;
				for (int tries = 0; tries < 40 && !accepted; tries++) {
					double[][] al = new double[nf][];
					for (int j = 0; j < nf; j++) {
						al[j] = a[j].clone();
						al[j][j] *= 1 + lambda;
					}
					double[] step = solve(al, g);
					double[] trial = p.clone();
					for (int j = 0; j < nf; j++) trial[free[j]] += step[j];
					m.complete(trial);
					s1 = cost(trial);
					if (Double.isFinite(s1) && s1 <= s0) {
						System.arraycopy(trial, 0, p, 0, 4);
						lambda = Math.max(lambda / 10, 1e-12);
						accepted = true;
					}
					else lambda *= 10;
				}
				// At the minimum to rounding: the Gauss-Newton step is far below the esds and chi2 no longer falls.
				if (tiny && (!accepted || s0 - s1 <= 1e-12 * s0)) return;
				if (!accepted)
					throw new EosFitException(m + " " + w.label() + " fit cannot reduce chi2 any further but has not converged; last state: "
						+ state(), this);
			}
		}

		/** Weighted sum of squared residuals with the current sigmas. */
		private double cost(double[] q) {
			double s = 0;
			for (int i = 0; i < n; i++) {
				double r = (d.pressure(i) - m.pressure(d.volume(i), q)) / sigma[i];
				s += r * r;
			}
			return s;
		}

		/** dP(V_i)/d(free parameter j) by central differences (implied values follow). */
		private double[][] jacobian(double[] q) {
			double[][] jac = new double[n][free.length];
			for (int j = 0; j < free.length; j++) {
				int k = free[j];
				double h = 1e-6 * Math.max(Math.abs(q[k]), k == EosModel.KPP ? 1e-3 : 1e-2);
				double[] up = q.clone(), dn = q.clone();
				up[k] += h;
				dn[k] -= h;
				m.complete(up);
				m.complete(dn);
				for (int i = 0; i < n; i++) jac[i][j] = (m.pressure(d.volume(i), up) - m.pressure(d.volume(i), dn)) / (2 * h);
			}
			return jac;
		}

		private double[][] invert(double[][] a) {
			try {
				return new LUDecomposition(new Array2DRowRealMatrix(a), 1e-300).getSolver().getInverse().getData();
			}
			catch (RuntimeException e) {
				throw new EosFitException(m + " fit: the normal matrix is singular (parameters not determined by the data); last state: "
					+ state(), this);
			}
		}

		private double[] solve(double[][] a, double[] b) {
			try {
				return new LUDecomposition(new Array2DRowRealMatrix(a), 1e-300).getSolver().solve(new ArrayRealVector(b)).toArray();
			}
			catch (RuntimeException e) {
				throw new EosFitException(m + " fit: the normal matrix is singular; last state: " + state(), this);
			}
		}

		private EosFit result() {
			int nf = free.length;
			updateSigmas(o.weighting());
			double[][] jac = jacobian(p);
			double[][] a = new double[nf][nf];
			double chi = 0;
			double[] pc = new double[n];
			for (int i = 0; i < n; i++) {
				double wi = 1 / (sigma[i] * sigma[i]);
				pc[i] = m.pressure(d.volume(i), p);
				double r = d.pressure(i) - pc[i];
				chi += wi * r * r;
				for (int j = 0; j < nf; j++)
					for (int k = 0; k < nf; k++) a[j][k] += wi * jac[i][j] * jac[i][k];
			}
			double chi2w = chi / (n - nf);
			double scale = o.weighting() == EosOptions.Weighting.NONE ? chi2w : Math.max(1, chi2w);
			RealMatrix c = new Array2DRowRealMatrix(invert(a)).scalarMultiply(scale);
			// Full 4x4 covariance: free block, then implied Kpp (and nothing for fixed values).
			double[][] cov = new double[4][4];
			for (int j = 0; j < nf; j++)
				for (int k = 0; k < nf; k++) cov[free[j]][free[k]] = c.getEntry(j, k);
			if (status[EosModel.KPP] == EosFit.Status.IMPLIED) propagateImpliedKpp(cov);
			double[] esd = new double[4];
			for (int i = 0; i < 4; i++) esd[i] = Math.sqrt(Math.max(0, cov[i][i]));
			return new EosFit(m, o.weighting(), d, p.clone(), esd, status.clone(), cov, chi2w, nf, cycles, pc, sigma.clone());
		}

		/** Var(Kpp) and Cov(Kpp, x) from the gradient of the implied Kpp with respect to K0 and Kp. */
		private void propagateImpliedKpp(double[][] cov) {
			double[] g = new double[4];
			for (int k : new int[] { EosModel.K0, EosModel.KP }) {
				double h = 1e-6 * Math.max(Math.abs(p[k]), 1e-2);
				double[] up = p.clone(), dn = p.clone();
				up[k] += h;
				dn[k] -= h;
				g[k] = (m.impliedKpp(up[1], up[2]) - m.impliedKpp(dn[1], dn[2])) / (2 * h);
			}
			if (m.order() == 2) g[EosModel.KP] = 0;
			for (int i = 0; i < 3; i++) {
				double s = 0;
				for (int k = 0; k < 3; k++) s += cov[i][k] * g[k];
				cov[i][3] = s;
				cov[3][i] = s;
			}
			double v = 0;
			for (int i = 0; i < 3; i++) v += g[i] * cov[i][3];
			cov[3][3] = v;
		}

		/** The current parameters and weighted chi2, for messages. */
		String state() {
			StringBuilder b = new StringBuilder();
			for (int i = 0; i < 4; i++)
				b.append(i == 0 ? "" : ", ").append(EosModel.NAMES[i]).append(" = ").append(String.format(Locale.ROOT, "%.6g", p[i]));
			double s = cost(p);
			return b.append(", chi2w = ").append(String.format(Locale.ROOT, "%.6g", s / Math.max(1, n - free.length))).toString();
		}
	}

	/** A fit that failed to converge; the message and {@link #lastParameters()} give its last state. */
	public static final class EosFitException extends TxmException {
		private static final long serialVersionUID = 1L;
		private final double[] last;

		EosFitException(String message, Run run) {
			super(message);
			this.last = run.p.clone();
		}

		/** {V0, K0, Kp, Kpp} when the fit stopped. */
		public double[] lastParameters() {
			return last.clone();
		}
	}
}
