package org.txmsuite.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.cli.TxmCli;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;
import org.txmsuite.core.Volume;
import org.txmsuite.io.TiffIO;
import org.txmsuite.sim.Box;
import org.txmsuite.sim.Cylinder;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.Phantom3D;
import org.txmsuite.sim.Sphere;

/** Direct sample segmentation (gasket excluded, beads apart) and both commands headless. */
class SampleAndCommandTest {
	@TempDir
	Path dir;

	/**
	 * A 2.4 um GeO2-like glass cube (mu 0.1/um) in medium (0.001/um), a Re gasket wall (1/um) from a
	 * radius of 2.6 um outwards to the border, and a 0.6 um Au bead; 50 nm voxels, 1-voxel blur, noise
	 * 2 % of the glass level.
	 */
	static Volume sampleVolume(int n) {
		Phantom3D p = new Phantom3D().add("medium", new Cylinder(0, 0, 10, -10, 10), 0.001)
			.add("gasket", new Cylinder(0, 0, 10, -10, 10), 1.0).add("hole", new Cylinder(0, 0, 2.6, -10, 10), -1.0)
			.add("sample", new Box(0, 0, 0, 1.2, 1.2, 1.2, 20), 0.1 - 0.001).add("bead", new Sphere(1.6, -1.2, 0.5, 0.3), 0.39 - 0.001);
		Volume v = p.rasterize(n, n, n, 0.05, 3);
		float[][] b = Smooth.gaussian(v, 1, 1, 1);
		Volume out = new Volume(n, n, b).voxelSizeNm(50);
		Random r = new Random(9);
		for (float[] sl : b) for (int i = 0; i < sl.length; i++) sl[i] += (float) (r.nextGaussian() * 0.02 * 0.1 * 0.05);
		return out;
	}

	@Test
	void glassSampleApartFromGasketAndBead() {
		Volume v = sampleVolume(100);
		SampleOptions o = new SampleOptions();
		o.threshold = 0.0025;
		o.maxThreshold = 0.01;
		SampleResult r = SampleSegmenter.measure(v, o, Progress.NONE);
		double truth = 2.4 * 2.4 * 2.4;
		assertEquals(truth, r.sampleVolumeUm3, 0.003 * truth, r.objects.toString());
		assertTrue(Math.abs(r.sampleVolumeUm3 - truth) <= r.uncertaintyUm3, "uncertainty " + r.uncertaintyUm3);
		assertEquals(6 * 2.4 * 2.4, r.surfaceUm2, 0.05 * 6 * 2.4 * 2.4);
		assertTrue(r.excludedComponents >= 1);
		assertEquals(1, r.objects.size(), "the bead is above max_threshold: excluded, " + r.objects);
		int cx = 50, cy = 50;
		assertEquals(2, r.labels[50][cy * 100 + cx]);
		assertEquals(1, r.labels[50][99 * 100 + 99], "gasket in the corner");
	}

	@Test
	void sampleCutByTheBorderIsReported() {
		Volume v = sampleVolume(40);
		SampleOptions o = new SampleOptions();
		o.threshold = 0.0025;
		TxmException e = assertThrows(TxmException.class, () -> SampleSegmenter.measure(v, o, Progress.NONE));
		assertTrue(e.getMessage().contains("touch the volume border"), e.getMessage());
	}

	final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	int txm(String... args) {
		return new TxmCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	/** The exact headless call of the issue, on a 3 um sphere with a 0.5 um shell (voxel size given only on the command line). */
	@Test
	void headlessPtShellRun() throws Exception {
		DacSample s = new DacSample(DacSample.Shape.SPHERE, 3, 0.5);
		int n = TestVolumes.size(s, 0.03, 4);
		Volume v = TestVolumes.rasterized(s, 0.03, n, 1, 0.02, 5);
		Volume uncal = new Volume(n, n, v.slices());
		Path in = dir.resolve("vol.tif");
		TiffIO.save(org.txmsuite.core.ImageJ1Views.toImagePlus(uncal, "vol"), in);
		Path outDir = dir.resolve("out");
		assertEquals(0, txm("run", "Measure Pt Shell Volume", "input=\"" + in + "\",voxel_size_nm=30", "--out", outDir.toString()), err.toString());
		List<String> csv = Files.readAllLines(outDir.resolve("volumes.csv"));
		assertTrue(csv.get(0).startsWith("label,voxels,volume_um3,surface_um2,uncertainty_um3"), csv.get(0));
		String[] row = csv.get(1).split(",");
		assertEquals("2", row[0]);
		assertEquals(s.interiorVolumeUm3(), Double.parseDouble(row[2]), 0.003 * s.interiorVolumeUm3());
		assertTrue(Files.size(outDir.resolve("labels.tif")) > (long) n * n * n);
		assertTrue(Files.exists(outDir.resolve("view.png")));
		ij.ImagePlus lab = ij.IJ.openImage(outDir.resolve("labels.tif").toString());
		assertEquals(ij.ImagePlus.GRAY8, lab.getType());
		assertEquals(n, lab.getStackSize());
		assertEquals(2, lab.getStack().getProcessor(n / 2 + 1).get(n / 2, n / 2), "centre is interior");
	}

	/** With the scan's angles (given, or recorded in the volume's metadata) the uncertainty gets the missing-wedge term. */
	@Test
	void anglesGiveTheWedgeShareAndTerm() throws Exception {
		DacSample s = new DacSample(DacSample.Shape.SPHERE, 3, 0.5);
		int n = TestVolumes.size(s, 0.03, 4);
		Volume v = TestVolumes.rasterized(s, 0.03, n, 1, 0.02, 5);
		Path plain = dir.resolve("plain.tif"), recorded = dir.resolve("recorded.tif");
		TiffIO.save(org.txmsuite.core.ImageJ1Views.toImagePlus(v, "vol"), plain);
		double[] twoPost = org.txmsuite.sim.ScanSimulator.angles(-67.5, 66.5, 135);
		TiffIO.save(org.txmsuite.core.ImageJ1Views.toImagePlus(new Volume(n, n, v.slices()).voxelSizeNm(30).thetaDeg(twoPost), "vol"), recorded);
		String[][] rows = new String[3][];
		String[] calls = { "input=\"" + plain + "\"", "input=\"" + plain + "\",angles=\"-67.5:66.5:1\"", "input=\"" + recorded + "\"" };
		for (int k = 0; k < 3; k++) {
			Path outDir = dir.resolve("out" + k);
			assertEquals(0, txm("run", "Measure Pt Shell Volume", calls[k], "--out", outDir.toString()), err.toString());
			List<String> csv = Files.readAllLines(outDir.resolve("volumes.csv"));
			assertEquals("wedge_fraction", csv.get(0).split(",")[7]);
			rows[k] = csv.get(1).split(",");
		}
		assertTrue(Double.isNaN(Double.parseDouble(rows[0][7])), "no angles, no wedge share: " + rows[0][7]);
		// a sphere's wedge-facing share at 135 degrees: 30/180 of the azimuths, times the mean |n_xy| = pi/4
		for (int k = 1; k < 3; k++) {
			assertEquals(30.0 / 180 * Math.PI / 4, Double.parseDouble(rows[k][7]), 0.01, "call " + k);
			assertEquals(rows[0][2], rows[k][2], "the volume itself does not change");
			double u0 = Double.parseDouble(rows[0][4]), u = Double.parseDouble(rows[k][4]), vol = Double.parseDouble(rows[k][2]);
			double wedge = 2 * PartialVolume.WEDGE_RELATIVE * Double.parseDouble(rows[k][7]) * vol;
			assertEquals(Math.sqrt(u0 * u0 + wedge * wedge), u, 1e-3 * u0, "U adds the wedge term in quadrature");
		}
	}

	@Test
	void headlessSampleRunAndErrorMessage() throws Exception {
		Path in = dir.resolve("s.tif");
		TiffIO.save(org.txmsuite.core.ImageJ1Views.toImagePlus(sampleVolume(100), "s"), in);
		Path outDir = dir.resolve("out");
		assertEquals(0, txm("run", "Measure Sample Volume", "input=\"" + in + "\",threshold=0.0025,max_threshold=0.01", "--out", outDir.toString()),
			err.toString());
		List<String> csv = Files.readAllLines(outDir.resolve("volumes.csv"));
		assertEquals(2, csv.size());
		assertEquals(2.4 * 2.4 * 2.4, Double.parseDouble(csv.get(1).split(",")[2]), 0.003 * 2.4 * 2.4 * 2.4);
		Path empty = dir.resolve("e.tif");
		TiffIO.save(org.txmsuite.core.ImageJ1Views.toImagePlus(new Volume(10, 10, 10).voxelSizeNm(30), "e"), empty);
		assertNotEquals(0, txm("run", "Measure Pt Shell Volume", "input=\"" + empty + "\"", "--out", dir.resolve("o2").toString()));
		assertTrue(err.toString().contains("the volume is empty"), err.toString());
	}
}
