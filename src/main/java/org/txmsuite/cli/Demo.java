package org.txmsuite.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.scijava.Context;
import org.scijava.event.EventService;
import org.txmsuite.core.TxmException;
import org.txmsuite.eos.EosFit;
import org.txmsuite.service.PressureSeries;
import org.txmsuite.service.PressureSeriesOptions;
import org.txmsuite.service.TxmService;

/**
 * The main job on built-in simulated data ({@code scripts/txm demo}): a pressure series of simulated
 * DAC scans, each acquired over Channel Access from the instrument simulator, processed by every
 * stage and fitted to an equation of state; the report puts true and recovered values side by side.
 */
final class Demo {
	private Demo() {}

	static int run(Context context, Path outDir, boolean quick, PrintStream out, PrintStream err) {
		TxmService txm = context.service(TxmService.class);
		PressureSeriesOptions o = quick ? PressureSeriesOptions.quick() : new PressureSeriesOptions();
		TerminalProgress bar = new TerminalProgress(err);
		context.service(EventService.class).subscribe(bar);
		long t0 = System.nanoTime();
		try {
			err.println("txm demo: " + o.pressuresGpa.length + " pressures, " + o.cell + " cell, " + o.width + "x" + o.height
				+ " detector -> " + outDir.toAbsolutePath());
			PressureSeries.Result r = new PressureSeries(txm).simulate(o, outDir, txm.progress("Pressure series", null));
			bar.finish();
			for (PressureSeries.Point p : r.points)
				out.println(String.format(Locale.ROOT, "%-16s P = %6.3f GPa  V = %8.4f +- %.4f um^3  true %8.4f  error %+.3f %%", p.scan,
					p.pressureGpa, p.volumeUm3, p.uncertaintyUm3, p.trueVolumeUm3, 100 * (p.volumeUm3 - p.trueVolumeUm3) / p.trueVolumeUm3));
			EosFit fit = r.eos.fit();
			String[] names = { "V0", "K0", "K'" };
			for (int i = 0; i < 3; i++)
				out.println(String.format(Locale.ROOT, "%-3s true %9.4f  recovered %9.4f +- %.4f", names[i], r.trueParameters[i],
					fit.value(i), fit.esd(i)));
			out.println(String.format(Locale.ROOT, "done in %.0f s; report: %s", (System.nanoTime() - t0) / 1e9,
				outDir.resolve("report.md")));
			return 0;
		}
		catch (TxmException e) {
			bar.finish();
			err.println("txm demo: " + e.getMessage());
			return 1;
		}
		catch (Exception e) {
			bar.finish();
			err.println("txm demo failed: " + e);
			e.printStackTrace(err);
			return 1;
		}
	}
}
