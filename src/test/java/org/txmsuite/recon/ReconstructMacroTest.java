package org.txmsuite.recon;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.cli.MacroBridge;
import org.txmsuite.io.TiffIO;
import org.txmsuite.sim.Phantom2D;
import org.txmsuite.testing.TestContext;

/** The documented ImageJ macro call of "Reconstruct Tomogram" runs headless through the IJ1 bridge. */
class ReconstructMacroTest {
	@TempDir
	Path dir;

	@BeforeAll
	static void install() {
		assertTrue(MacroBridge.install(TestContext.get()));
	}

	@Test
	void macroReconstructsASlice() throws Exception {
		Path p = dir.resolve("proj.tif"), out = dir.resolve("macro-volume.tif");
		TiffIO.save(Phantom2D.sheppLogan().projections(64, Phantoms.range(0, 1, 135), 64, 31.5, 4), p);
		new ij.macro.Interpreter().run(Files.readString(Path.of("src/test/resources/macros/reconstruct.ijm")), p + "|" + out);
		ImagePlus v = TiffIO.open(out);
		assertEquals(64, v.getWidth());
		assertEquals(1, v.getStackSize());
		float[] x = (float[]) v.getProcessor().convertToFloat().getPixels();
		// the same call through the library gives the same slice
		float[] lib = Reconstructor.reconstruct(TiffIO.openFrames(p), Phantoms.range(0, 1, 135), new ReconOptions().tvWeight(0.2).momentum(true), null).volume.slice(0);
		assertArrayEquals(lib, x, 0f);
		assertTrue(Phantoms.rmse(x, Phantoms.sheppLogan(64)) < 0.12);
	}
}
