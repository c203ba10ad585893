package org.txmsuite.eos;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * Tables and plots of a fit: parameters (name, value, esd), residuals, covariance and correlation, F-f
 * analysis, and the P-V, F-f and K0-K' confidence-ellipse plots (RGB images, written as PNG).
 */
public final class EosReport {
	/** Confidence levels of the K0-K' ellipses (68.3 %, 95.4 %: 1 and 2 sigma in one dimension). */
	public static final double[] ELLIPSE_LEVELS = { 0.683, 0.954 };

	private static final Color DATA = new Color(0, 90, 200), FIT = new Color(220, 40, 30), OTHER = new Color(0, 150, 70);
	private static final int W = 760, H = 470;

	private final EosFit fit;

	public EosReport(EosFit fit) {
		this.fit = fit;
	}

	public EosFit fit() {
		return fit;
	}

	/** Rows V0, K0, Kp, Kpp, chi2w, n with columns name, value, esd (esd NaN for chi2w and n). */
	public ResultsTable parameters() {
		ResultsTable t = new ResultsTable();
		for (int i = 0; i < 4; i++) row(t, EosModel.NAMES[i], fit.value(i), fit.esd(i));
		row(t, "chi2w", fit.chi2w(), Double.NaN);
		row(t, "n", fit.n(), Double.NaN);
		return t;
	}

	private static void row(ResultsTable t, String name, double value, double esd) {
		t.incrementCounter();
		t.addValue("name", name);
		t.addValue("value", value);
		t.addValue("esd", esd);
	}

	/** One row per fitted point: input row, P, sigP, V, sigV, P_calc, P_obs - P_calc, weighting sigma, normalized residual, K. */
	public ResultsTable residuals() {
		EosData d = fit.data();
		ResultsTable t = new ResultsTable();
		for (int i = 0; i < d.size(); i++) {
			t.incrementCounter();
			t.addValue("row", d.row(i));
			t.addValue("P", d.pressure(i));
			t.addValue("sigP", d.sigmaP(i));
			t.addValue("V", d.volume(i));
			t.addValue("sigV", d.sigmaV(i));
			t.addValue("P_calc", fit.pCalc(i));
			t.addValue("P_obs_minus_calc", fit.residual(i));
			t.addValue("sigma", fit.sigma(i));
			t.addValue("residual_over_sigma", fit.residual(i) / fit.sigma(i));
			t.addValue("K_calc", fit.bulkModulus(d.volume(i)));
		}
		return t;
	}

	/** The F-f table: P, V, f_E, sig_f_E, F_E, sig_F_E (F_E NaN at V0). */
	public ResultsTable ff() {
		EosData d = fit.data();
		FfAnalysis ff = new FfAnalysis(fit);
		ResultsTable t = new ResultsTable();
		for (int i = 0; i < d.size(); i++) {
			t.incrementCounter();
			t.addValue("P", d.pressure(i));
			t.addValue("V", d.volume(i));
			t.addValue("f_E", ff.f(i));
			t.addValue("sig_f_E", ff.sigmaF(i));
			t.addValue("F_E", ff.normalizedPressure(i));
			t.addValue("sig_F_E", ff.sigmaNormalizedPressure(i));
		}
		return t;
	}

	/** The scaled covariance (correlation = false) or correlation matrix of V0, K0, Kp, Kpp as a table. */
	public ResultsTable matrix(boolean correlation) {
		double[][] m = correlation ? fit.correlation() : fit.covariance();
		ResultsTable t = new ResultsTable();
		for (int i = 0; i < 4; i++) {
			t.incrementCounter();
			t.addValue("name", EosModel.NAMES[i]);
			for (int j = 0; j < 4; j++) t.addValue(EosModel.NAMES[j], m[i][j]);
		}
		return t;
	}

	/** A text summary in the style of EosFit's output. */
	public String summary() {
		StringBuilder b = new StringBuilder();
		b.append(fit.model()).append(" fit, weighting ").append(fit.weighting().label()).append(", ").append(fit.n())
			.append(" points, ").append(fit.freeParameters()).append(" refined, ").append(fit.cycles()).append(" cycles\n");
		for (int i = 0; i < 4; i++)
			b.append(String.format(Locale.ROOT, "%-4s = %s%n", EosModel.NAMES[i], describe(i)));
		b.append(String.format(Locale.ROOT, "chi2w = %.4f%n", fit.chi2w()));
		double max = 0;
		for (int i = 0; i < fit.n(); i++) max = Math.max(max, Math.abs(fit.residual(i)));
		b.append(String.format(Locale.ROOT, "rms(P_obs - P_calc) = %.5g GPa, max |P_obs - P_calc| = %.5g GPa%n", fit.rmsP(), max));
		return b.toString();
	}

	private String describe(int i) {
		String v = formatEsd(fit.value(i), fit.esd(i));
		switch (fit.status(i)) {
			case FIXED: return v + " (fixed)";
			case IMPLIED: return v + " (implied)";
			default: return v;
		}
	}

	/** value(esd) with the esd to two significant digits, e.g. 37.126(91); just the value when esd is 0. */
	public static String formatEsd(double value, double esd) {
		if (!(esd > 0) || !Double.isFinite(esd)) return String.format(Locale.ROOT, "%.6g", value);
		int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(esd)));
		long e = Math.round(esd * Math.pow(10, decimals));
		return String.format(Locale.ROOT, "%." + decimals + "f(%d)", value, e);
	}

	// ---- plots ----

	/** Axis label of the volume unit. */
	static String volumeLabel(String unit) {
		switch (unit) {
			case "A^3": return "V (\u00c5\u00b3)";
			case "nm^3": return "V (nm\u00b3)";
			case "um^3": return "V (\u00b5m\u00b3)";
			case "cm^3/mol": return "V (cm\u00b3/mol)";
			default: return "V/V0";
		}
	}

	/** The volume range of the fit curve: from the largest of V0 and the data down to the smallest datum. */
	private double[] curveVolumes(double vMin, double vMax, int k) {
		double[] v = new double[k];
		for (int i = 0; i < k; i++) v[i] = vMax + (vMin - vMax) * i / (k - 1.0);
		return v;
	}

	/** P-V plot (V against P, with error bars and the fit) above a residual plot (P_obs - P_calc against P). */
	public ImagePlus pvPlot() {
		EosData d = fit.data();
		int n = d.size();
		double[] p = new double[n], v = new double[n], sp = new double[n], sv = new double[n], r = new double[n], s = new double[n];
		double vMin = Double.MAX_VALUE, vMax = fit.value(EosModel.V0);
		for (int i = 0; i < n; i++) {
			p[i] = d.pressure(i);
			v[i] = d.volume(i);
			sp[i] = d.sigmaP(i);
			sv[i] = d.sigmaV(i);
			r[i] = fit.residual(i);
			s[i] = fit.weighting() == EosOptions.Weighting.NONE ? 0 : fit.sigma(i);
			vMin = Math.min(vMin, v[i]);
			vMax = Math.max(vMax, v[i]);
		}
		double[] cv = curveVolumes(vMin - 0.02 * (vMax - vMin), vMax, 200), cp = new double[cv.length];
		for (int i = 0; i < cv.length; i++) cp[i] = fit.pressure(cv[i]);
		Plot top = new Plot(fit.model() + " fit", "P (GPa)", volumeLabel(d.volumeUnit()));
		top.setSize(W, H);
		top.setColor(FIT);
		top.setLineWidth(2);
		top.addPoints(cp, cv, Plot.LINE);
		top.setLineWidth(1);
		top.setColor(DATA, DATA);
		top.addPoints(p, v, sv, Plot.CIRCLE);
		top.addHorizontalErrorBars(sp);
		top.setColor(Color.BLACK);
		top.addLegend(fit.model() + " " + fit.weighting().label() + "\tdata (\u00b1 sigma)", "top-right");
		top.addLabel(0.02, 0.95, "V0 = " + describe(0) + ", K0 = " + describe(1) + " GPa, K' = " + describe(2));
		limits(top, new double[][] { p, cp }, new double[][] { v, cv }, 0.03);
		Plot bottom = new Plot("residuals", "P (GPa)", "P obs - calc (GPa)");
		bottom.setSize(W, H * 6 / 10);
		bottom.setColor(Color.GRAY);
		double pLo = Math.min(0, min(p)), pHi = max(p);
		bottom.addPoints(new double[] { pLo, pHi }, new double[] { 0, 0 }, Plot.LINE);
		bottom.setColor(DATA, DATA);
		bottom.addPoints(p, r, s, Plot.CIRCLE);
		bottom.setColor(Color.BLACK);
		bottom.addLabel(0.02, 0.12, String.format(Locale.ROOT, "chi2w = %.3f, rms = %.4g GPa%s", fit.chi2w(), fit.rmsP(),
			fit.weighting() == EosOptions.Weighting.NONE ? "" : "; bars: weighting sigma"));
		double[] lo = new double[n], hi = new double[n];
		for (int i = 0; i < n; i++) {
			lo[i] = r[i] - s[i];
			hi[i] = r[i] + s[i];
		}
		limits(bottom, new double[][] { p, cp }, new double[][] { lo, hi, { 0 } }, 0.06);
		return stack("EOS fit", top, bottom);
	}

	/** F-f plot: F_E against f_E with error bars and the fitted EOS's F(f) curve. */
	public ImagePlus ffPlot() {
		EosData d = fit.data();
		FfAnalysis ff = new FfAnalysis(fit);
		int n = d.size();
		double[] f = new double[n], bf = new double[n], sf = new double[n], sbf = new double[n];
		int k = 0;
		double vMin = Double.MAX_VALUE;
		for (int i = 0; i < n; i++) {
			vMin = Math.min(vMin, d.volume(i));
			if (Double.isNaN(ff.normalizedPressure(i))) continue;
			f[k] = ff.f(i);
			sf[k] = ff.sigmaF(i);
			bf[k] = ff.normalizedPressure(i);
			sbf[k] = ff.sigmaNormalizedPressure(i);
			k++;
		}
		double v0 = fit.value(EosModel.V0);
		double[] cv = curveVolumes(vMin, v0 * (1 - 1e-4), 200), cf = new double[cv.length], cF = new double[cv.length];
		for (int i = 0; i < cv.length; i++) {
			cf[i] = FfAnalysis.strain(cv[i], v0);
			cF[i] = FfAnalysis.normalizedPressure(fit.pressure(cv[i]), cf[i]);
		}
		Plot plot = new Plot("F-f", "Eulerian strain f_E", "normalized pressure F_E (GPa)");
		plot.setSize(W, H);
		plot.setColor(FIT);
		plot.setLineWidth(2);
		plot.addPoints(cf, cF, Plot.LINE);
		plot.setLineWidth(1);
		plot.setColor(DATA, DATA);
		plot.addPoints(java.util.Arrays.copyOf(f, k), java.util.Arrays.copyOf(bf, k), java.util.Arrays.copyOf(sbf, k), Plot.CIRCLE);
		plot.addHorizontalErrorBars(java.util.Arrays.copyOf(sf, k));
		plot.setColor(Color.BLACK);
		plot.addLegend(fit.model() + " fit\tdata (\u00b1 esd)", "bottom-right");
		plot.addLabel(0.02, 0.07, "K0 = " + describe(1) + " GPa, K' = " + describe(2) + "  (BM3: F = K0[1 + 3/2 (K'-4) f])");
		double[] fs = java.util.Arrays.copyOf(f, k), lo = new double[k], hi = new double[k];
		for (int i = 0; i < k; i++) {
			lo[i] = bf[i] - Math.min(sbf[i], 0.5 * Math.abs(bf[i]));
			hi[i] = bf[i] + Math.min(sbf[i], 0.5 * Math.abs(bf[i]));
		}
		limits(plot, new double[][] { fs, cf, { 0 } }, new double[][] { lo, hi, cF }, 0.05);
		return rgb("F-f", plot);
	}

	/**
	 * The K0-K' confidence ellipses (68.3 % and 95.4 %, two parameters jointly: delta chi2 = -2 ln(1-level))
	 * from the scaled covariance, or null when K0 and K' are not both refined.
	 */
	public ImagePlus ellipsePlot() {
		return ellipsePlot(List.of(fit));
	}

	/** Ellipses of several fits (e.g. pressure segments) in one plot; null unless each refines K0 and K'. */
	public static ImagePlus ellipsePlot(List<EosFit> fits) {
		Plot plot = new Plot("K0-K' confidence ellipses", "K0 (GPa)", "K'");
		plot.setSize(W, H);
		Color[] colors = { DATA, OTHER, FIT, Color.MAGENTA };
		StringBuilder legend = new StringBuilder();
		List<double[]> xs = new java.util.ArrayList<>(), ys = new java.util.ArrayList<>();
		for (int f = 0; f < fits.size(); f++) {
			EosFit fit = fits.get(f);
			if (fit.status(EosModel.K0) != EosFit.Status.REFINED || fit.status(EosModel.KP) != EosFit.Status.REFINED) return null;
			for (int l = 0; l < ELLIPSE_LEVELS.length; l++) {
				double[][] xy = ellipse(fit, ELLIPSE_LEVELS[l], 180);
				xs.add(xy[0]);
				ys.add(xy[1]);
				plot.setColor(colors[f % colors.length]);
				plot.setLineWidth(l == 0 ? 2 : 1);
				plot.addPoints(xy[0], xy[1], Plot.LINE);
				legend.append(legend.length() == 0 ? "" : "\t").append(fits.size() > 1 ? "fit " + (f + 1) + " " : "")
					.append(String.format(Locale.ROOT, "%.1f %%", 100 * ELLIPSE_LEVELS[l]));
			}
			plot.setLineWidth(1);
			plot.addPoints(new double[] { fit.value(EosModel.K0) }, new double[] { fit.value(EosModel.KP) }, Plot.CROSS);
			legend.append("\t").append(fits.size() > 1 ? "fit " + (f + 1) + " " : "").append("K0, K'");
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(legend.toString(), "top-right");
		limits(plot, xs.toArray(new double[0][]), ys.toArray(new double[0][]), 0.08);
		return rgb("K0-K' ellipses", plot);
	}

	/** Points of the confidence ellipse of (K0, K') at a joint confidence level. */
	public static double[][] ellipse(EosFit fit, double level, int points) {
		double[][] c = fit.covariance();
		double a = c[EosModel.K0][EosModel.K0], b = c[EosModel.K0][EosModel.KP], d = c[EosModel.KP][EosModel.KP];
		double l11 = Math.sqrt(a), l21 = b / l11, l22 = Math.sqrt(Math.max(0, d - l21 * l21));
		double scale = Math.sqrt(-2 * Math.log(1 - level));
		double[][] xy = new double[2][points + 1];
		for (int i = 0; i <= points; i++) {
			double t = 2 * Math.PI * i / points, u = scale * Math.cos(t), w = scale * Math.sin(t);
			xy[0][i] = fit.value(EosModel.K0) + l11 * u;
			xy[1][i] = fit.value(EosModel.KP) + l21 * u + l22 * w;
		}
		return xy;
	}

	static ImagePlus rgb(String title, Plot plot) {
		return new ImagePlus(title, plot.getProcessor().convertToRGB());
	}

	/** Plots one above the other in one RGB image. */
	static ImagePlus stack(String title, Plot... plots) {
		ImageProcessor[] ips = new ImageProcessor[plots.length];
		int w = 0, h = 0;
		for (int i = 0; i < plots.length; i++) {
			ips[i] = plots[i].getProcessor().convertToRGB();
			w = Math.max(w, ips[i].getWidth());
			h += ips[i].getHeight();
		}
		ColorProcessor out = new ColorProcessor(w, h);
		out.setColor(Color.WHITE);
		out.fill();
		int y = 0;
		for (ImageProcessor ip : ips) {
			out.insert(ip, 0, y);
			y += ip.getHeight();
		}
		return new ImagePlus(title, out);
	}

	/** Sets the plot's limits to hold every finite value of the arrays, with a relative margin. */
	static void limits(Plot plot, double[][] xs, double[][] ys, double margin) {
		double[] x = range(xs), y = range(ys);
		double dx = (x[1] - x[0]) * margin, dy = (y[1] - y[0]) * margin;
		if (!(dx > 0)) dx = Math.max(1e-9, Math.abs(x[0]) * 0.05);
		if (!(dy > 0)) dy = Math.max(1e-9, Math.abs(y[0]) * 0.05);
		plot.setLimits(x[0] - dx, x[1] + dx, y[0] - dy, y[1] + dy);
	}

	private static double[] range(double[][] arrays) {
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (double[] a : arrays)
			for (double v : a)
				if (Double.isFinite(v)) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
		return new double[] { lo, hi };
	}

	private static double min(double[] a) {
		double m = Double.MAX_VALUE;
		for (double x : a) m = Math.min(m, x);
		return m;
	}

	private static double max(double[] a) {
		double m = -Double.MAX_VALUE;
		for (double x : a) m = Math.max(m, x);
		return m;
	}
}
