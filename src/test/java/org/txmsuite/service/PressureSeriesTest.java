package org.txmsuite.service;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.Progress;
import org.txmsuite.testing.LauncherTest;
import org.txmsuite.testing.TestContext;

/**
 * The main job end to end at a tiny size: four pressures, each a macro run on the instrument simulator
 * over Channel Access, then import, normalize, align, SART and the Pt shell; then the same scans
 * measured again as "real" data through the command with a pressure table.
 */
class PressureSeriesTest extends LauncherTest {
	@TempDir
	Path dir;

	static PressureSeriesOptions tiny() {
		PressureSeriesOptions o = PressureSeriesOptions.quick();
		o.sizeUm = 1.2;
		o.shellUm = 0.2;
		o.pixelNm = 40;
		o.width = 64;
		o.height = 52;
		o.stepDeg = 4;
		o.pressuresGpa = new double[] { 0.0001, 3, 6, 9 };
		return o;
	}

	@Test
	void simulatedSeriesRecoversVolumesAndTheScansRemeasureTheSame() throws Exception {
		TxmService txm = TestContext.get().service(TxmService.class);
		Path sim = dir.resolve("sim");
		PressureSeries.Result r = new PressureSeries(txm).simulate(tiny(), sim, Progress.NONE);
		assertEquals(4, r.points.size());
		for (PressureSeries.Point p : r.points) {
			double err = Math.abs(p.volumeUm3 - p.trueVolumeUm3);
			// 30 voxels across the core, a 5-voxel shell (the small end of the segmentation's validated
			// range): the error must lie inside the reported 2-sigma uncertainty and below 2 %.
			assertTrue(err <= p.uncertaintyUm3 && err < 0.02 * p.trueVolumeUm3,
				p.scan + " volume error " + err + " um^3, uncertainty " + p.uncertaintyUm3);
		}
		// The volume falls with pressure as the true EOS says (V(9 GPa)/V0 = 0.857 for K0 37, K' 6).
		assertEquals(0.857, r.points.get(3).volumeUm3 / r.points.get(0).volumeUm3, 0.015);
		for (String f : List.of("volumes.csv", "parameters.csv", "eos_plot.png", "ff_plot.png", "report.md", "p00_0.00GPa/view.png",
			"p00_0.00GPa/volume.tif", "p00_0.00GPa/scan_macro.txt", "p00_0.00GPa/frames/run_log.csv"))
			assertTrue(Files.exists(sim.resolve(f)), f);
		String report = Files.readString(sim.resolve("report.md"));
		assertTrue(report.contains("| K0 (GPa) | 37.0000 |"), report);

		// The same scans as measured data: a pressure table and the command, headless.
		Path table = dir.resolve("pressures.csv");
		StringBuilder t = new StringBuilder("scan,pressure_gpa,sigP\n");
		for (PressureSeries.Point p : r.points) t.append(p.scan).append("/frames,").append(p.pressureGpa).append(",0.05\n");
		Files.writeString(table, t.toString());
		Path out = dir.resolve("measured");
		assertEquals(0, txm("run", "Pressure Series to EOS", "data=scans,recon_iterations=8,tv_weight=0,nonnegative=true,discrete_rounds=0,scans_folder=\"" + sim + "\",pressure_table=\"" + table + "\"",
			"--out", out.toString()), err());
		List<String> rows = Files.readAllLines(out.resolve("volumes.csv"));
		assertEquals("scan,pressure_gpa,sigP,volume_um3,uncertainty_um3,sigV", rows.get(0));
		// Same frames, same chain: the same volumes up to the order of parallel sums in alignment (~0.1 %).
		for (int i = 0; i < 4; i++)
			assertEquals(r.points.get(i).volumeUm3, Double.parseDouble(rows.get(i + 1).split(",")[3]), 3e-3 * r.points.get(i).volumeUm3,
				"scan " + i);
		assertTrue(Files.exists(out.resolve("parameters.csv")) && Files.exists(out.resolve("plot.png")) && Files.exists(out.resolve("report.txt")));
	}
}
