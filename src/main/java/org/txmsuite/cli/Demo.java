package org.txmsuite.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.scijava.Context;
import org.scijava.event.EventService;
import org.txmsuite.core.TxmException;
import org.txmsuite.eos.EosFit;
import org.txmsuite.io.AtomicFiles;
import org.txmsuite.service.PressureSeries;
import org.txmsuite.service.PressureSeriesOptions;
import org.txmsuite.service.TxmService;
import org.txmsuite.service.XanesSeries;
import org.txmsuite.service.XanesSeriesOptions;

/**
 * The main job on built-in simulated data ({@code scripts/txm demo}): a pressure series of simulated
 * DAC scans, each acquired over Channel Access from the instrument simulator, processed by every
 * stage and fitted to an equation of state; the report puts true and recovered values side by side.
 * Then a simulated 2D XANES scan of a cathode particle ({@link XanesSeries}) into {@code <out>/xanes/},
 * linked from the main report.
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
			xanes(txm, outDir, quick, bar, out, err);
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

	/** The XANES demo into outDir/xanes, its figures printed and its report linked from outDir/report.md. */
	private static void xanes(TxmService txm, Path outDir, boolean quick, TerminalProgress bar, PrintStream out, PrintStream err)
		throws IOException
	{
		XanesSeriesOptions o = quick ? XanesSeriesOptions.quick() : new XanesSeriesOptions();
		Path dir = outDir.resolve("xanes");
		err.println("txm demo: XANES particle, " + o.size + "x" + o.size + " detector, energies " + o.energies + " -> " + dir.toAbsolutePath());
		XanesSeries.Result x = new XanesSeries(txm).simulate(o, dir, txm.progress("XANES series", null));
		bar.finish();
		out.println(String.format(Locale.ROOT, "XANES: %d energies, %d frames; fraction RMS error Ni2+ %.3f, Ni3+ %.3f, metal %.3f; "
			+ "edge50 RMS %.3f eV; minority recall %.1f %%, precision %.1f %%", x.energies, x.frames, x.fractionRms[0], x.fractionRms[1],
			x.fractionRms[2], x.edge50Rms, 100 * x.recall, 100 * x.precision));
		Path report = outDir.resolve("report.md");
		String main = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
		String link = "\n## XANES demo\n\nA simulated 2D XANES scan of a cathode particle, acquired, normalized, aligned and mapped: "
			+ "[xanes/xanes_report.md](xanes/xanes_report.md)\n";
		AtomicFiles.write(report, tmp -> Files.writeString(tmp, main + link, StandardCharsets.UTF_8));
	}
}
