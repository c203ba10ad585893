package org.txmsuite.service;

import java.util.Locale;

import org.txmsuite.eos.EosFit;
import org.txmsuite.eos.EosModel;

/** The pressure series as a Markdown report: volumes and EOS parameters, true beside recovered. */
final class PressureSeriesReport {
	private PressureSeriesReport() {}

	static String markdown(PressureSeries.Result r) {
		StringBuilder b = new StringBuilder();
		boolean sim = r.trueParameters != null;
		b.append("# TXM Suite pressure series\n\n");
		b.append(sim ? "Simulated DAC experiment: each scan was generated as an XMController macro, run on the instrument\n"
			+ "simulator over Channel Access, imported, normalized, aligned, reconstructed (SART with TV) and\n"
			+ "segmented through its Pt shell.\n\n" : "Measured scans: imported, normalized, aligned, reconstructed and segmented through the Pt shell.\n\n");
		b.append("## Volumes\n\n");
		b.append(sim ? "| scan | P (GPa) | V (um^3) | U (um^3, 2 sigma) | true V (um^3) | error (%) | within U |\n|---|---|---|---|---|---|---|\n"
			: "| scan | P (GPa) | V (um^3) | U (um^3, 2 sigma) |\n|---|---|---|---|\n");
		for (PressureSeries.Point p : r.points) {
			b.append(String.format(Locale.ROOT, "| %s | %.3f | %.4f | %.4f |", p.scan, p.pressureGpa, p.volumeUm3, p.uncertaintyUm3));
			if (sim) {
				double err = p.volumeUm3 - p.trueVolumeUm3;
				b.append(String.format(Locale.ROOT, " %.4f | %+.3f | %s |", p.trueVolumeUm3, 100 * err / p.trueVolumeUm3,
					Math.abs(err) <= p.uncertaintyUm3 ? "yes" : "no"));
			}
			b.append('\n');
		}
		EosFit fit = r.eos.fit();
		b.append("\n## Equation of state (BM3, effective-variance weights, sigma V = U / 2)\n\n");
		b.append(sim ? "| parameter | true | recovered | esd | within esd |\n|---|---|---|---|---|\n" : "| parameter | recovered | esd |\n|---|---|---|\n");
		String[] names = { "V0 (um^3)", "K0 (GPa)", "K'" };
		for (int i = 0; i < 3; i++) {
			double v = fit.value(i), e = fit.esd(i);
			if (sim) {
				double t = r.trueParameters[i];
				b.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %s |\n", names[i], t, v, e, Math.abs(v - t) <= e ? "yes" : "no"));
			}
			else b.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |\n", names[i], v, e));
		}
		b.append(String.format(Locale.ROOT, "\nchi2_w = %.3f, n = %d, implied K'' = %.4f 1/GPa\n", fit.chi2w(), fit.n(),
			EosModel.BM3.impliedKpp(fit.value(EosModel.K0), fit.value(EosModel.KP))));
		b.append("\n![P-V fit](eos_plot.png)\n\n![F-f plot](ff_plot.png)\n\n![K0-K' confidence ellipses](ellipse_plot.png)\n\n");
		b.append("## Check the segmentations\n\n");
		for (PressureSeries.Point p : r.points) {
			b.append(String.format(Locale.ROOT, "%.2f GPa: ![orthogonal slices](%s/view.png)\n\n", p.pressureGpa, p.scan));
		}
		return b.toString();
	}
}
