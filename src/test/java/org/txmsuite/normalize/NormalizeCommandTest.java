package org.txmsuite.normalize;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.cli.MacroBridge;
import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.io.TiffIO;
import org.txmsuite.testing.TestContext;
import org.txmsuite.testing.LauncherTest;

/** "Normalize by References" headless, as the issue writes it, and through an ImageJ macro. */
class NormalizeCommandTest extends LauncherTest {
	@TempDir
	Path dir;


	long files(Path d) throws Exception {
		if (!Files.exists(d)) return 0;
		try (Stream<Path> s = Files.list(d)) {
			return s.count();
		}
	}

	@Test
	void oneStackWithFrameKinds() throws Exception {
		DriftScan scan = new DriftScan();
		FrameStack all = scan.build();
		TiffIO.save(all, dir.resolve("all.tif"));
		Path o = dir.resolve("out");
		assertEquals(0, txm("run", "Normalize by References", "input=\"" + dir.resolve("all.tif") + "\",interpolation=\"linear\"",
			"--out", o.toString()), err());
		assertEquals(1, files(o));
		FrameStack n = TiffIO.openFrames(o.resolve("normalized.tif"));
		assertEquals(32, n.size(), "only the sample frames");
		assertEquals(DataState.ABSORBANCE, n.state());
		for (int k = 0; k < 32; k++) {
			assertEquals(FrameKind.SAMPLE, n.info(k).kind());
			assertEquals(360.0 * k / 32, n.info(k).angleDeg(), 1e-9, "in order, metadata kept");
			assertEquals(k + 9 + k / 8 * 4, n.info(k).timeS(), 0);
		}
		NormalizeResult lib = ReferenceNormalizer.normalize(all, null, null, new NormalizeOptions(), Progress.NONE);
		assertArrayEquals(lib.frames().pixels(20), n.pixels(20), 0f);
		assertEquals(1.0, ReferenceNormalizerTest.error(lib, scan)[1] / Math.sqrt(scan.predictedMse()), 0.1);
	}

	@Test
	void separateStacksAndOptions() throws Exception {
		FrameStack all = new DriftScan().build();
		TiffIO.save(all.ofKind(FrameKind.SAMPLE), dir.resolve("samples.tif"));
		TiffIO.save(all.ofKind(FrameKind.FLAT), dir.resolve("flats.tif"));
		TiffIO.save(all.ofKind(FrameKind.DARK), dir.resolve("darks.tif"));
		Path o = dir.resolve("out");
		assertEquals(0, txm("run", "Normalize by References", "input=\"" + dir.resolve("samples.tif") + "\",flats=\""
			+ dir.resolve("flats.tif") + "\",darks=\"" + dir.resolve("darks.tif")
			+ "\",output=\"transmission\",interpolation=\"nearest\",bin=2,zinger_threshold=1,background_roi=\"0,0,48,4\"",
			"--out", o.toString()), err());
		FrameStack n = TiffIO.openFrames(o.resolve("normalized.tif"));
		assertEquals(32, n.size());
		assertEquals(24, n.width());
		assertEquals(DataState.TRANSMISSION, n.state());
		// the background rows are scaled to T = 1 on average
		double m = 0;
		for (int i = 0; i < 2 * 24; i++) m += n.pixels(5)[i];
		assertEquals(1.0, m / 48, 1e-5);
	}

	@Test
	void handMadeStackWithSliceLabelsOnly() throws Exception {
		// no TXM metadata: kinds from labels, stack order is acquisition order; the flat brightens 2x in time
		int w = 6, h = 5;
		ImageStack st = new ImageStack(w, h);
		String[] labels = { "dark", "flat_a", "proj0", "proj1", "proj2", "ref_b", "Ref_c" };
		float[][] px = new float[labels.length][w * h];
		double[] flatLevel = { 0, 1000, 0, 0, 0, 2000, 2000 };
		for (int i = 0; i < labels.length; i++) {
			for (int p = 0; p < w * h; p++) px[i][p] = (float) (10 + flatLevel[i]);
			st.addSlice(labels[i], new FloatProcessor(w, h, px[i]));
		}
		// samples at positions 2, 3, 4 between references at 1 and 5.5: flats 1250, 1500, 1750; T = 0.5
		for (int k = 0; k < 3; k++) java.util.Arrays.fill(px[2 + k], (float) (10 + 0.5 * (1000 + 1000 * (k + 1) / 4.5)));
		ImagePlus imp = new ImagePlus("by-hand", st);
		assertTrue(new FileSaver(imp).saveAsTiffStack(dir.resolve("hand.tif").toString()));
		Path o = dir.resolve("out");
		assertEquals(0, txm("run", "Normalize by References", "input=\"" + dir.resolve("hand.tif") + "\"", "--out", o.toString()), err());
		FrameStack n = TiffIO.openFrames(o.resolve("normalized.tif"));
		assertEquals(3, n.size());
		for (int k = 0; k < 3; k++) assertEquals(-Math.log(0.5), n.pixels(k)[7], 1e-5);
	}

	@Test
	void badInputsFailAndWriteNothing() throws Exception {
		FrameStack all = new DriftScan().build();
		Path o = dir.resolve("out");
		Files.createDirectories(o);
		TiffIO.save(all.ofKind(FrameKind.SAMPLE), dir.resolve("samples.tif"));
		assertEquals(1, txm("run", "Normalize by References", "input=\"" + dir.resolve("samples.tif") + "\"", "--out", o.toString()));
		assertTrue(err().contains("no reference frames"), err());

		TiffIO.save(ReferenceNormalizerTest.withDarkFlats(all, all.indicesOf(FrameKind.FLAT)), dir.resolve("closed.tif"));
		assertEquals(1, txm("run", "Normalize by References", "input=\"" + dir.resolve("closed.tif") + "\"", "--out", o.toString()));
		assertTrue(err().contains("all 20 reference frames are dark"), err());

		FrameStack small = FrameStack.allocate(8, 8, 2);
		TiffIO.save(small, dir.resolve("small.tif"));
		assertEquals(1, txm("run", "Normalize by References", "input=\"" + dir.resolve("samples.tif") + "\",flats=\""
			+ dir.resolve("small.tif") + "\"", "--out", o.toString()));
		assertTrue(err().contains("has 8x8 frames but the input"), err());
		assertEquals(2, txm("run", "Normalize by References", "input=\"" + dir.resolve("samples.tif") + "\",interpolation=\"cubic\"",
			"--out", o.toString()));
		assertEquals(0, files(o), "nothing may be written on failure");
	}

	@Test
	void alreadyNormalizedFileIsConvertedNotDividedAgain() throws Exception {
		// as an FXI img_xanes export would be saved: transmission, with a "reference" that would spoil a division
		FrameStack t = new FrameStack(3, 1).state(DataState.TRANSMISSION).source("img_xanes");
		t.add(new float[] { 0.5f, 0.25f, 1f }, new org.txmsuite.core.FrameInfo(FrameKind.SAMPLE, Double.NaN, 8333, Double.NaN));
		t.add(new float[] { 0.1f, 7f, 3f }, new org.txmsuite.core.FrameInfo(FrameKind.FLAT, Double.NaN, 8333, Double.NaN));
		TiffIO.save(t, dir.resolve("xanes.tif"));
		Path o = dir.resolve("out");
		assertEquals(0, txm("run", "Normalize by References", "input=\"" + dir.resolve("xanes.tif") + "\"", "--out", o.toString()), err());
		FrameStack n = TiffIO.openFrames(o.resolve("normalized.tif"));
		assertEquals(1, n.size());
		assertArrayEquals(new float[] { (float) -Math.log(0.5), (float) -Math.log(0.25), 0f }, n.pixels(0), 1e-6f);
	}

	@Test
	void macro() throws Exception {
		MacroBridge.install(TestContext.get());
		FrameStack scan = new DriftScan().build();
		TiffIO.save(scan, dir.resolve("scan.tif"));
		Path result = dir.resolve("macro-normalized.tif");
		new ij.macro.Interpreter().run(Files.readString(Path.of("src/test/resources/macros/normalize.ijm")),
			dir.resolve("scan.tif") + "|" + result);
		// the unset flats/darks parameters (the bridge offers the current image) must not count as references
		FrameStack n = TiffIO.openFrames(result);
		assertEquals(32, n.size());
		NormalizeResult lib = ReferenceNormalizer.normalize(scan, null, null, new NormalizeOptions(), Progress.NONE);
		assertArrayEquals(lib.frames().pixels(31), n.pixels(31), 0f);
	}
}
