package org.txmsuite.eos;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Separate fits of one model over several pressure ranges (e.g. a glass whose compressibility changes
 * between 10 and 13 GPa, fitted below 10 and above 13 GPa), with a table and a joint plot.
 */
public final class EosSegments {
	private static final Color[] COLORS = { new Color(0, 90, 200), new Color(220, 40, 30), new Color(0, 150, 70),
		new Color(150, 0, 170), new Color(230, 130, 0) };

	private final List<EosFit> fits;
	private final double[][] ranges;

	/** Fits each range {pMin, pMax} (GPa) with the same options. */
	public static EosSegments fit(EosData data, EosOptions options, double[][] ranges, org.txmsuite.core.Progress progress) {
		return new EosSegments(EosFitter.fitSegments(data, options, ranges, progress), ranges);
	}

	EosSegments(List<EosFit> fits, double[][] ranges) {
		this.fits = new ArrayList<>(fits);
		this.ranges = ranges.clone();
	}

	public List<EosFit> fits() {
		return new ArrayList<>(fits);
	}

	/** One row per segment: range, n, each parameter with its esd, chi2w. */
	public ResultsTable table() {
		ResultsTable t = new ResultsTable();
		for (int k = 0; k < fits.size(); k++) {
			EosFit f = fits.get(k);
			t.incrementCounter();
			t.addValue("segment", k + 1);
			t.addValue("p_min", ranges[k][0]);
			t.addValue("p_max", ranges[k][1]);
			t.addValue("n", f.n());
			for (int i = 0; i < 4; i++) {
				t.addValue(EosModel.NAMES[i], f.value(i));
				t.addValue(EosModel.NAMES[i] + "_esd", f.esd(i));
			}
			t.addValue("chi2w", f.chi2w());
		}
		return t;
	}

	/** V against P for every segment: its data with error bars and its fitted curve over its range. */
	public ImagePlus plot() {
		Plot plot = new Plot("EOS segments", "P (GPa)", EosReport.volumeLabel(fits.get(0).data().volumeUnit()));
		plot.setSize(760, 470);
		List<double[]> xs = new ArrayList<>(), ys = new ArrayList<>();
		StringBuilder legend = new StringBuilder();
		for (int k = 0; k < fits.size(); k++) {
			EosFit f = fits.get(k);
			EosData d = f.data();
			int n = d.size();
			double[] p = new double[n], v = new double[n], sp = new double[n], sv = new double[n];
			double vMin = Double.MAX_VALUE, vMax = -Double.MAX_VALUE;
			for (int i = 0; i < n; i++) {
				p[i] = d.pressure(i);
				v[i] = d.volume(i);
				sp[i] = d.sigmaP(i);
				sv[i] = d.sigmaV(i);
				vMin = Math.min(vMin, v[i]);
				vMax = Math.max(vMax, v[i]);
			}
			double[] cv = new double[100], cp = new double[100];
			for (int i = 0; i < 100; i++) {
				cv[i] = vMax + (vMin - vMax) * i / 99.0;
				cp[i] = f.pressure(cv[i]);
			}
			Color c = COLORS[k % COLORS.length];
			plot.setColor(c);
			plot.setLineWidth(2);
			plot.addPoints(cp, cv, Plot.LINE);
			plot.setLineWidth(1);
			plot.setColor(c, c);
			plot.addPoints(p, v, sv, Plot.CIRCLE);
			plot.addHorizontalErrorBars(sp);
			legend.append(k == 0 ? "" : "\t").append(String.format(java.util.Locale.ROOT, "%s-%s GPa: K0 = %s, K' = %s",
				org.txmsuite.core.MetadataCodec.num(ranges[k][0]), org.txmsuite.core.MetadataCodec.num(ranges[k][1]), EosReport.formatEsd(f.value(1), f.esd(1)), EosReport.formatEsd(f.value(2), f.esd(2))))
				.append('\t').append("data ").append(k + 1);
			xs.add(p);
			xs.add(cp);
			ys.add(v);
			ys.add(cv);
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(legend.toString(), "top-right");
		EosReport.limits(plot, xs.toArray(new double[0][]), ys.toArray(new double[0][]), 0.03);
		return EosReport.rgb("EOS segments", plot);
	}

	/** The K0-K' confidence ellipses of all segments (null unless every segment refines K0 and K'). */
	public ImagePlus ellipsePlot() {
		return EosReport.ellipsePlot(fits);
	}
}
