package org.txmsuite.recon;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.cli.TxmCli;
import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.io.TiffIO;

/** "Reconstruct Tomogram" headless, exactly as the issue calls it, and its input errors. */
class ReconstructCommandTest {
	@TempDir
	Path dir;
	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int txm(String... args) {
		return new TxmCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
			new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	static final int N = 64;

	/** A one-row projection stack (height 1) of the analytic Shepp-Logan, 135 angles over 135 degrees. */
	Path projections(DataState state, boolean withAngles) throws Exception {
		double[] ang = Phantoms.range(0, 1, 135);
		float[] sino = Phantoms.sheppLoganSinogram(N, N, (N - 1) / 2.0, ang, 4);
		FrameStack s = new FrameStack(N, 1).state(state).pixelSizeNm(40);
		for (int a = 0; a < ang.length; a++)
			s.add(java.util.Arrays.copyOfRange(sino, a * N, (a + 1) * N), withAngles ? new FrameInfo().angleDeg(ang[a]) : new FrameInfo());
		Path p = dir.resolve("p.tif");
		TiffIO.save(s, p);
		return p;
	}

	@Test
	void headlessRunWritesTheVolume() throws Exception {
		Path in = projections(DataState.ABSORBANCE, false), out = dir.resolve("out");
		int rc = txm("run", "Reconstruct Tomogram", "input=\"" + in + "\",angles=\"0:134:1\",algorithm=\"SART\",iterations=5,nonnegative=true",
			"--out", out.toString());
		assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
		ImagePlus v = TiffIO.open(out.resolve("volume.tif"));
		assertEquals(N, v.getWidth());
		assertEquals(N, v.getHeight());
		assertEquals(1, v.getStackSize());
		assertEquals(40, ImageJ1Views.toVolume(v).voxelXNm(), 1e-9);
		float[] rec = (float[]) v.getProcessor().convertToFloat().getPixels();
		double e = Phantoms.rmse(rec, Phantoms.sheppLogan(N));
		// a coarse 64-pixel grid: larger partial-volume error than the 256-pixel target (0.085)
		assertTrue(e < 0.12, "RMSE " + e);
		assertTrue(Files.readAllLines(out.resolve("convergence.csv")).size() == 6);
	}

	@Test
	void headlessDiscreteRefinement() throws Exception {
		Path in = projections(DataState.ABSORBANCE, false), out = dir.resolve("out");
		int rc = txm("run", "Reconstruct Tomogram", "input=\"" + in + "\",angles=\"0:134:1\",iterations=5,discrete_rounds=4,discrete_levels=\"0, 0.2, 1\"",
			"--out", out.toString());
		assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
		assertEquals(1 + 5 + 4, Files.readAllLines(out.resolve("convergence.csv")).size(), "header, 5 sweeps, 4 rounds");
		assertEquals(1, txm("run", "Reconstruct Tomogram", "input=\"" + in + "\",angles=\"0:134:1\",discrete_rounds=4,discrete_levels=\"0,x\"", "--out",
			dir.resolve("o2").toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("discrete_levels: 'x'"), err.toString());
	}

	@Test
	void anglesFromMetadataAndFbp() throws Exception {
		Path in = projections(DataState.ABSORBANCE, true), out = dir.resolve("out");
		assertEquals(0, txm("run", "Reconstruct Tomogram", "input=\"" + in + "\",algorithm=FBP,filter=hann", "--out", out.toString()),
			err.toString(StandardCharsets.UTF_8));
		assertTrue(Files.exists(out.resolve("volume.tif")));
	}

	@Test
	void badInputFailsWithAClearMessageAndWritesNothing() throws Exception {
		Path in = projections(DataState.ABSORBANCE, false), out = dir.resolve("out");
		String o = out.toString();
		assertEquals(1, txm("run", "Reconstruct Tomogram", "input=\"" + in + "\",angles=\"0:99:1\"", "--out", o));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("gives 100 angles, but the stack has 135 projections"), err.toString());
		assertEquals(1, txm("run", "Reconstruct Tomogram", "input=\"" + in + "\",angles=\"0:134:1\",center=70", "--out", o));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("center: 70.0 is outside the detector"), err.toString());
		assertEquals(1, txm("run", "Reconstruct Tomogram", "input=\"" + in + "\",angles=\" \"", "--out", o));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("no rotation angle for projection 0"), err.toString());
		assertEquals(2, txm("run", "Reconstruct Tomogram", "input=\"" + in + "\",angles=\"0:134:1\",iterations=0", "--out", o));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("must be at least 1, got 0"), err.toString());
		Path raw = projections(DataState.RAW, true);
		assertEquals(1, txm("run", "Reconstruct Tomogram", "input=\"" + raw + "\"", "--out", o));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("RAW detector counts; normalize them first"), err.toString());
		assertFalse(Files.exists(out.resolve("volume.tif")));
	}
}
