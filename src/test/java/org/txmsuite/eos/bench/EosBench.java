package org.txmsuite.eos.bench;

import java.nio.file.Path;

import org.txmsuite.eos.EosData;
import org.txmsuite.eos.EosFitter;
import org.txmsuite.eos.EosModel;
import org.txmsuite.eos.EosOptions;
import org.txmsuite.eos.EosReport;
import org.txmsuite.io.CsvTables;

/** Times fits and plots on the real data sets (run from the project folder; see docs/stages/eos.md). */
public final class EosBench {
	public static void main(String[] args) {
		EosData quartz = EosData.fromTable(CsvTables.read(Path.of("test-images/eos/quartz_eosfit_example.csv")), "auto");
		EosData cu = EosData.fromTable(CsvTables.read(Path.of("test-images/eos/copper_dewaele2004.csv")), "auto");
		System.out.println("cores: " + Runtime.getRuntime().availableProcessors());
		for (int warm = 0; warm < 200; warm++) EosFitter.fit(quartz, new EosOptions(), null);
		for (EosModel m : new EosModel[] { EosModel.BM3, EosModel.BM4, EosModel.VINET3, EosModel.NS3, EosModel.TAIT3 }) {
			int reps = 500;
			long t0 = System.nanoTime();
			for (int r = 0; r < reps; r++) EosFitter.fit(quartz, new EosOptions().model(m), null);
			double ms = (System.nanoTime() - t0) / 1e6 / reps;
			System.out.printf("quartz (22 points) %s effective-variance: %.3f ms per fit%n", m, ms);
		}
		int reps = 200;
		long t0 = System.nanoTime();
		for (int r = 0; r < reps; r++) EosFitter.fit(cu, new EosOptions().model(EosModel.VINET3).fixed("V0=11.81"), null);
		System.out.printf("Cu (42 points) Vinet3 V0 fixed, effective-variance: %.3f ms per fit%n", (System.nanoTime() - t0) / 1e6 / reps);
		EosReport rep = new EosReport(EosFitter.fit(quartz, new EosOptions(), null));
		rep.pvPlot();
		t0 = System.nanoTime();
		for (int r = 0; r < 20; r++) {
			rep.pvPlot();
			rep.ffPlot();
			rep.ellipsePlot();
		}
		System.out.printf("three plots: %.1f ms%n", (System.nanoTime() - t0) / 1e6 / 20);
	}
}
