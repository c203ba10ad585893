package org.txmsuite.service.bench;

import java.nio.file.Path;
import java.util.Locale;

import org.scijava.Context;
import org.txmsuite.align.SpectralAligner;
import org.txmsuite.core.Progress;
import org.txmsuite.service.TxmService;
import org.txmsuite.service.XanesSeries;
import org.txmsuite.service.XanesSeriesOptions;

/**
 * Runs the XANES demo at the quick and normal sizes (and with each scale model) and prints the accuracy
 * and timings. Usage: {@code XanesDemoBench OUTDIR [quick|normal] [linear|per-energy|none] [minority]}.
 */
public final class XanesDemoBench {
	private XanesDemoBench() {}

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args.length > 0 ? args[0] : "target/xanes-bench");
		boolean quick = args.length > 1 && args[1].equals("quick");
		XanesSeriesOptions o = quick ? XanesSeriesOptions.quick() : new XanesSeriesOptions();
		if (args.length > 2) o.scale = SpectralAligner.ScaleModel.parse(args[2]);
		if (args.length > 3) o.minority = Double.parseDouble(args[3]);
		try (Context context = new Context()) {
			TxmService txm = context.service(TxmService.class);
			long t0 = System.nanoTime();
			XanesSeries.Result r = new XanesSeries(txm).simulate(o, out, Progress.NONE);
			System.out.println(String.format(Locale.ROOT,
				"%s %dx%d, %d energies, scale %s%s: total %.1f s (acquire %.1f s, process %.1f s); fraction RMS Ni2 %.4f Ni3 %.4f metal %.4f"
					+ " (bias Ni3 %+.4f), Ni3 all used %.4f; edge50 RMS %.3f eV bias %+.3f; scale RMS %.4f %% of range %.3f %%;"
					+ " minority recall %.3f precision %.3f (%d true, cluster %d px); truth offset %.2f,%.2f r=%.4f; %d cores",
				quick ? "quick" : "normal", r.width, r.height, r.energies, o.scale, r.scaleRejected ? " (rejected)" : "",
				(System.nanoTime() - t0) / 1e9, r.acquireSeconds, r.processSeconds, r.fractionRms[0], r.fractionRms[1], r.fractionRms[2],
				r.fractionBias[1], r.ni3RmsAllUsed, r.edge50Rms, r.edge50Bias, 100 * r.scaleRms, 100 * r.scaleRange, r.recall, r.precision,
				r.minorityTrue, r.minorityClusterSize, r.truthDx, r.truthDy, r.truthCorrelation, Runtime.getRuntime().availableProcessors()));
		}
	}
}
