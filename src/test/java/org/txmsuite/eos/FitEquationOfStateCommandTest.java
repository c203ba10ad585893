package org.txmsuite.eos;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.testing.LauncherTest;

/** The commands through the headless launcher, exactly as the issue calls them. */
class FitEquationOfStateCommandTest extends LauncherTest {
	@TempDir
	Path dir;


	static double value(List<String> csv, String name, int col) {
		for (String l : csv) if (l.startsWith(name + ",")) return Double.parseDouble(l.split(",")[col]);
		throw new AssertionError("no row " + name + " in " + csv);
	}

	@Test
	void headlessQuartzBm3WritesEveryOutput() throws Exception {
		Path q = EosTestData.DIR.resolve("quartz_eosfit_example.csv").toAbsolutePath();
		Path o = dir.resolve("out");
		int rc = txm("run", "Fit Equation of State", "table=\"" + q + "\",model=\"BM3\",weighting=\"effective-variance\"", "--out", o.toString());
		assertEquals(0, rc, err());
		for (String f : new String[] { "parameters.csv", "residuals.csv", "plot.png", "ff_plot.png", "ff.csv", "ellipse_plot.png",
			"covariance.csv", "correlation.csv", "summary.txt" })
			assertTrue(Files.isRegularFile(o.resolve(f)), f);
		List<String> p = Files.readAllLines(o.resolve("parameters.csv"));
		assertEquals("name,value,esd", p.get(0));
		assertEquals(List.of("V0", "K0", "Kp", "Kpp", "chi2w", "n"), p.subList(1, 7).stream().map(l -> l.split(",")[0]).collect(java.util.stream.Collectors.toList()));
		assertEquals(112.98088, value(p, "V0", 1), 2e-4 * 112.98088);
		assertEquals(0.00199, value(p, "V0", 2), 2e-4 * 0.00199 + 0.5e-5);
		assertEquals(37.12600, value(p, "K0", 1), 2e-4 * 37.126);
		assertEquals(0.09104, value(p, "K0", 2), 2e-4 * 0.09104 + 0.5e-5);
		assertEquals(5.98823, value(p, "Kp", 1), 2e-4 * 5.98823);
		assertEquals(22, value(p, "n", 1));
		assertEquals(0.95, value(p, "chi2w", 1), 0.005);
		List<String> r = Files.readAllLines(o.resolve("residuals.csv"));
		assertEquals(23, r.size());
		assertTrue(r.get(0).startsWith("row,P,sigP,V,sigV,P_calc,P_obs_minus_calc,sigma"), r.get(0));
		BufferedImage plot = ImageIO.read(o.resolve("plot.png").toFile());
		assertTrue(plot.getWidth() >= 700 && plot.getHeight() >= 700, plot.getWidth() + "x" + plot.getHeight());
		assertTrue(Files.readString(o.resolve("summary.txt")).contains("K0   = 37.126(91)"));
	}

	/** The segmentation stage's volumes table (plus pressure_gpa) feeds the fitter directly, in um^3. */
	@Test
	void segmentationVolumesTableFeedsTheFitter() throws Exception {
		StringBuilder csv = new StringBuilder("label,voxels,volume_um3,surface_um2,uncertainty_um3,pressure_gpa\n");
		double v0 = 2.5e3, k0 = 45, kp = 4.8; // um^3, GPa
		double[] pressures = { 0.0001, 1, 2, 3.5, 5, 6.5, 8, 9.5, 11 };
		for (int i = 0; i < pressures.length; i++) {
			double v = EosSyntheticTest.volumeAt(pressures[i], v0, k0, kp);
			csv.append(1).append(',').append(1000 + i).append(',').append(v).append(",100,").append(0.25).append(',').append(pressures[i]).append('\n');
		}
		Path t = dir.resolve("volumes.csv");
		Files.writeString(t, csv);
		Path o = dir.resolve("seg");
		assertEquals(0, txm("run", "Fit Equation of State", "table=\"" + t + "\",model=\"BM3\",weighting=\"effective-variance\"", "--out", o.toString()), err());
		List<String> p = Files.readAllLines(o.resolve("parameters.csv"));
		assertEquals(v0, value(p, "V0", 1), 1e-6 * v0);
		assertEquals(k0, value(p, "K0", 1), 1e-4 * k0);
		assertEquals(kp, value(p, "Kp", 1), 1e-4);
		// sigV = 0.25 um^3 alone sets the weights: esd of V0 about the volume uncertainty
		assertTrue(value(p, "V0", 2) > 0.05 && value(p, "V0", 2) < 0.25, p.toString());
	}

	@Test
	void fixedV0AndPressureRange() throws Exception {
		Path cu = EosTestData.DIR.resolve("copper_dewaele2004.csv").toAbsolutePath();
		Path o = dir.resolve("cu");
		assertEquals(0, txm("run", "Fit Equation of State", "table=\"" + cu + "\",model=\"Vinet3\",weighting=\"none\",fixed=\"V0=11.81\"",
			"--out", o.toString()), err());
		List<String> p = Files.readAllLines(o.resolve("parameters.csv"));
		assertEquals(11.81, value(p, "V0", 1));
		assertEquals(0, value(p, "V0", 2));
		assertEquals(132.4101, value(p, "K0", 1), 1e-3);
		assertEquals(0.6761, value(p, "K0", 2), 1e-3);
		Path o2 = dir.resolve("cu40");
		assertEquals(0, txm("run", "Fit Equation of State", "table=\"" + cu + "\",model=\"Vinet3\",pressure_range=\"0-40\"",
			"--out", o2.toString()), err());
		assertEquals(20, value(Files.readAllLines(o2.resolve("parameters.csv")), "n", 1)); // 20 of the 42 points are at 0-40 GPa
	}

	@Test
	void segmentsCommand() throws Exception {
		Path cu = EosTestData.DIR.resolve("copper_dewaele2004.csv").toAbsolutePath();
		Path o = dir.resolve("segments");
		assertEquals(0, txm("run", "Fit Equation of State Segments", "table=\"" + cu + "\",ranges=\"0-40; 40-160\",model=\"Vinet3\"",
			"--out", o.toString()), err());
		List<String> s = Files.readAllLines(o.resolve("segments.csv"));
		assertEquals(3, s.size());
		assertTrue(s.get(0).startsWith("segment,p_min,p_max,n,V0,V0_esd,K0,K0_esd,Kp,Kp_esd"), s.get(0));
		assertTrue(Files.isRegularFile(o.resolve("plot.png")) && Files.isRegularFile(o.resolve("ellipse_plot.png")));
	}

	@Test
	void badTablesFailWithAClearMessageAndWriteNothing() throws Exception {
		Path t = dir.resolve("bad.csv");
		Files.writeString(t, "P,sigP\n1,0.1\n2,0.1\n");
		Path o = dir.resolve("bad");
		assertEquals(1, txm("run", "Fit Equation of State", "table=\"" + t + "\"", "--out", o.toString()));
		assertTrue(err().contains("no volume column among [P, sigP]; expected V, volume, volume_um3 or V/V0"), err());
		Files.writeString(t, "p,V\n0,100\n1,NaN\n2,98\n3,97\n4,96\n");
		assertEquals(1, txm("run", "Fit Equation of State", "table=\"" + t + "\",weighting=\"none\"", "--out", o.toString()));
		assertTrue(err().contains("EOS data row 2: volume is NaN, expected a finite number"), err());
		Path q = EosTestData.DIR.resolve("quartz_eosfit_example.csv").toAbsolutePath();
		assertEquals(1, txm("run", "Fit Equation of State", "table=\"" + q + "\",max_cycles=2", "--out", o.toString()));
		assertTrue(err().contains("did not converge in 2 cycles; last state: V0 = "), err());
		assertFalse(Files.exists(o) && Files.list(o).findAny().isPresent());
	}
}
