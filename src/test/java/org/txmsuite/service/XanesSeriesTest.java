package org.txmsuite.service;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.acquire.EnergyRegions;
import org.txmsuite.io.CsvTables;
import org.txmsuite.sim.ModelSpectra;
import org.txmsuite.testing.LauncherTest;

/**
 * The XANES demo end to end at a small size, headless through its command: macro, simulator over CA,
 * import, normalize, align, maps, fractions, clusters, report.
 */
@Timeout(120)
class XanesSeriesTest extends LauncherTest {
	@TempDir
	Path dir;

	@Test
	void recoversThePhaseFractionsAndTheMinorityPhase() throws Exception {
		String energies = "8250:8320:14,8326:8360:2,8370:8550:30";
		assertEquals(0, txm("run", "XANES Series Demo", "size=40,energies=\"" + energies + "\"", "--out", dir.toString()), err());
		for (String f : new String[] { "edge50_map.png", "whiteline_map.png", "fraction_Ni2.png", "fraction_Ni3.png", "fraction_Ni_metal.png",
			"true_fraction_Ni3.png", "true_edge50.png", "labels.png", "cluster_plot.png", "fraction_Ni3.tif", "labels.tif", "shifts.csv",
			"report.txt" })
			assertTrue(Files.size(dir.resolve(f)) > 100, f);
		String report = Files.readString(dir.resolve("xanes_report.md"));
		assertTrue(report.contains("![](fraction_Ni3.png)") && report.contains("recall"), "report links the maps and gives the recall");
		ResultsTable r = CsvTables.read(dir.resolve("accuracy.csv"));
		assertEquals(31, r.getValue("energies", 0));
		assertEquals(2 + 2 * 31, r.getValue("frames", 0), "2 darks, one sample and one reference frame per energy");

		// Photon-noise floor of the Ni3+ fraction: per energy the normalized absorbance has
		// sigma = sqrt((e^A + 1) / N) / t (sample and reference counts, N = 20000 open-beam photons, A ~ 1.6
		// at and above the edge, interior thickness t ~ 0.75); the least-squares fraction of Ni3+ against
		// Ni2+ and Ni metal (sum to one) then has sigma * sqrt((D^T D)^-1)_11, D = [mu3 - mu2, muM - mu2] on the grid.
		double floor = ni3NoiseFloor(EnergyRegions.parse(energies), Math.sqrt((Math.exp(1.6) + 1) / 20000) / 0.75);
		assertEquals(0.030, floor, 0.002, "noise floor of the Ni3+ fraction");
		// measured 0.051 (1.7 x the floor): the per-pixel Larch normalization (pre- and post-edge lines fitted
		// to a few noisy points) and the non-negativity of the fit add to the photon noise; 2.5 x leaves room
		double rms = r.getValue("rms_Ni3", 0);
		assertTrue(rms < 2.5 * floor, "Ni3+ fraction RMS " + rms + " vs noise floor " + floor);
		// a bias would come from the chain (normalization, alignment, truth placement), not from noise:
		// ~375 interior pixels, correlated over a few pixels by the domains, so the mean of noise is < 0.01
		assertEquals(0, r.getValue("bias_Ni3", 0), 0.03, "Ni3+ fraction bias");
		// minority phase: discs of ~2 px radius at this size, so about half of their pixels are boundary
		// pixels with a partial metal fraction that a cluster boundary splits either way (96 px: 98.9 % / 98.9 %)
		assertTrue(r.getValue("minority_recall", 0) >= 0.8, "minority recall " + r.getValue("minority_recall", 0));
		assertTrue(r.getValue("minority_precision", 0) >= 0.5, "minority precision " + r.getValue("minority_precision", 0));
	}

	static double ni3NoiseFloor(double[] e, double sigma) {
		double[] a = ModelSpectra.nickel2plus().mu(e), b = ModelSpectra.nickel3plus().mu(e), c = ModelSpectra.nickelMetal().mu(e);
		double s11 = 0, s22 = 0, s12 = 0;
		for (int i = 0; i < e.length; i++) {
			double d1 = b[i] - a[i], d2 = c[i] - a[i];
			s11 += d1 * d1;
			s22 += d2 * d2;
			s12 += d1 * d2;
		}
		return sigma * Math.sqrt(s22 / (s11 * s22 - s12 * s12));
	}
}
