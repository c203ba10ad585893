package org.txmsuite.service;

import java.util.Locale;

/** The XANES demo as a Markdown report: what was simulated, the accuracy against the truth, maps side by side. */
final class XanesSeriesReport {
	private XanesSeriesReport() {}

	static String markdown(XanesSeries.Result r, XanesSeriesOptions o) {
		StringBuilder b = new StringBuilder();
		b.append("# TXM Suite XANES demo\n\n");
		b.append(String.format(Locale.ROOT, "A simulated 2D Ni K-edge XANES scan of a cathode particle (Ni2+ and Ni3+ domains, a Ni metal-like\n"
			+ "minority phase on %.0f %% of its area): an `xanes2d` macro (%d energies, a reference at every energy in\n"
			+ "ABBA order, 2 darks; `scan_macro.txt`) was run on the instrument simulator over Channel Access\n"
			+ "(%d frames in `frames/`), imported, normalized by the references of each energy, aligned in shift\n"
			+ "and magnification (`shifts.csv`), then XANES-normalized (Larch defaults), mapped, fitted with the\n"
			+ "three model spectra (`references.csv`, non-negative, sum to one) and clustered (k = %d).\n\n",
			100 * o.minority, r.energies, r.frames, o.clusters));
		b.append(String.format(Locale.ROOT, "Detector %d x %d px of %.0f nm; edge step %.2f (optical density) at full thickness; %.0f photons/s\n"
			+ "per open-beam pixel, %.1f s exposures; each energy move displaces the image by up to +-%.1f px; the\n"
			+ "magnification changes by %+.2f %% over 300 eV. Acquisition %.1f s, processing %.1f s (wall clock).\n\n",
			r.width, r.height, o.pixelNm, o.edgeStep, o.photonsPerSecond, o.exposureS, o.energyRunoutPx, 100 * o.magnificationPer300Ev,
			r.acquireSeconds, r.processSeconds));
		b.append("## Accuracy against the simulator's truth\n\n");
		b.append(String.format(Locale.ROOT, "The truth (thickness-weighted phase fractions per detector pixel, 4 x 4 point samples) is placed on\n"
			+ "the aligned stack at the reference energy's magnification, offset (%.2f, %.2f) px found by registering\n"
			+ "the recovered edge-step map to the true thickness (correlation %.4f). Figures are over the %d interior\n"
			+ "pixels (mean relative thickness >= %.1f) of the %d pixels the fit used.\n\n",
			r.truthDx, r.truthDy, r.truthCorrelation, r.interiorPixels, XanesSeries.INTERIOR, r.usedPixels));
		b.append("| quantity | RMS error | mean error |\n|---|---|---|\n");
		for (int k = 0; k < 3; k++)
			b.append(String.format(Locale.ROOT, "| fraction %s | %.4f | %+.4f |\n", XanesSeries.PHASE_LABELS[k], r.fractionRms[k], r.fractionBias[k]));
		b.append(String.format(Locale.ROOT, "| fraction Ni3+, all %d used pixels (rim included) | %.4f | |\n", r.usedPixels, r.ni3RmsAllUsed));
		b.append(String.format(Locale.ROOT, "| edge50 vs the true mixture's 0.5 crossing (eV, minority excluded) | %.3f | %+.3f |\n", r.edge50Rms, r.edge50Bias));
		if (r.scaleFitted)
			b.append(String.format(Locale.ROOT, "| aligner magnification vs simulated (range %.3f %%) | %.4f %% | |\n", 100 * r.scaleRange, 100 * r.scaleRms));
		b.append(r.scaleFitted ? "\n" : String.format(Locale.ROOT, "\nThe stack was aligned in translation only%s; the simulated magnification\n"
			+ "changes by %.3f %% over the scan.\n\n", r.scaleRejected ? " (the alignment with the " + o.scale.name().toLowerCase(Locale.ROOT).replace('_', '-')
				+ " magnification model was rejected: a magnification more than 5 % off or a shift beyond 1/8 of the width at "
				+ r.scaleRejectedAt + " eV)" : "",
			100 * r.scaleRange));
		b.append(String.format(Locale.ROOT, "Minority phase by cluster analysis: cluster %d (the mean spectrum with the lowest edge, chosen without\n"
			+ "the truth) holds %d pixels; %d of the %d pixels whose true metal fraction exceeds 0.5 are in it:\n"
			+ "**recall %.1f %%, precision %.1f %%**.\n\n",
			r.minorityCluster, r.minorityClusterSize, r.minorityHits, r.minorityTrue, 100 * r.recall, 100 * r.precision));
		b.append("## Maps: truth beside recovered\n\n| | truth | recovered |\n|---|---|---|\n");
		for (int k = 0; k < 3; k++)
			b.append(String.format(Locale.ROOT, "| %s fraction | ![](true_fraction_%s.png) | ![](fraction_%s.png) |\n", XanesSeries.PHASE_LABELS[k],
				XanesSeries.PHASE_FILES[k], XanesSeries.PHASE_FILES[k]));
		b.append("| edge50 (eV) | ![](true_edge50.png) | ![](edge50_map.png) |\n");
		b.append("| minority phase / clusters | ![](true_fraction_Ni_metal.png) | ![](labels.png) |\n\n");
		b.append("Whiteline map: ![whiteline](whiteline_map.png)\n\nCluster mean spectra: ![clusters](cluster_plot.png)\n\n");
		b.append("All maps are also written as 32-bit TIFF (`*_map.tif`, `fraction_*.tif`, `true_*.tif`, `labels.tif`, `mask.tif`);\n"
			+ "the aligned stack is `xanes_aligned.tif`.\n\n");
		b.append("## What the XANES stage reported\n\n");
		for (String s : new String[] { r.normalizeSummary, r.fitSummary, r.clusterSummary }) b.append("- ").append(s).append('\n');
		return b.toString();
	}
}
